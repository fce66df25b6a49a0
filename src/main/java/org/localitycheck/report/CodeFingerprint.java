package org.localitycheck.report;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * SHA-256 over the project's own class files (names and bytes, in name order), from the jar or the classes folder
 * this code runs from: the same for target/classes and the jar built from it, different after any code change.
 * Suite results carry it, so that {@code report} reuses only results the running code made.
 */
public final class CodeFingerprint {
    private static final String PREFIX = "org/localitycheck/";

    private CodeFingerprint() {
    }

    public static String current() {
        try {
            Path source = Path.of(CodeFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Map<String, byte[]> classes = new TreeMap<>();
            if (Files.isDirectory(source)) {
                try (Stream<Path> files = Files.walk(source.resolve(PREFIX))) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                        classes.put(source.relativize(f).toString().replace(File.separatorChar, '/'),
                                Files.readAllBytes(f));
                    }
                }
            } else {
                try (JarFile jar = new JarFile(source.toFile())) {
                    for (JarEntry e : Collections.list(jar.entries())) {
                        if (e.getName().startsWith(PREFIX) && e.getName().endsWith(".class")) {
                            try (InputStream in = jar.getInputStream(e)) {
                                classes.put(e.getName(), in.readAllBytes());
                            }
                        }
                    }
                }
            }
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, byte[]> c : classes.entrySet()) {
                md.update(c.getKey().getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
                md.update(c.getValue());
            }
            StringBuilder hex = new StringBuilder();
            for (byte b : md.digest()) {
                hex.append(String.format("%02x", b));
            }
            return hex.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("CodeFingerprint: cannot read the running code", e);
        } catch (URISyntaxException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("CodeFingerprint: " + e.getMessage(), e);
        }
    }
}
