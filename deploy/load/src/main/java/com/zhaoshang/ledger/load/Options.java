package com.zhaoshang.ledger.load;

import java.util.HashMap;
import java.util.Map;

/** {@code --key=value} arguments with defaults; a value may also come from an environment variable. */
final class Options {

    private final Map<String, String> values = new HashMap<>();

    Options(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("expected --key=value, got " + arg);
            }
            values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
    }

    String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    String getOrEnv(String key, String environmentVariable, String fallback) {
        String value = values.get(key);
        if (value != null) {
            return value;
        }
        String fromEnvironment = System.getenv(environmentVariable);
        return fromEnvironment != null ? fromEnvironment : fallback;
    }

    int getInt(String key, int fallback) {
        return Integer.parseInt(get(key, Integer.toString(fallback)));
    }

    long getLong(String key, long fallback) {
        return Long.parseLong(get(key, Long.toString(fallback)));
    }
}
