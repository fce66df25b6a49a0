package org.localitycheck.claim;

import java.util.List;

/** The common fields of a claim; subclasses give the readings and the parameters. */
abstract class BaseClaim implements Claim {
    private final String id;
    private final String where;
    private final String statement;

    BaseClaim(String id, String where, String statement) {
        this.id = id;
        this.where = where;
        this.statement = statement;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String where() {
        return where;
    }

    @Override
    public final String statement() {
        return statement;
    }

    @Override
    public List<Param> parameters() {
        return List.of();
    }
}
