package com.zhaoshang.ledger.command.security;

import com.zhaoshang.ledger.api.value.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The interim user list of the command side ({@code ledger.security.users[i].username/password/role/unit-id}),
 * until the security issue brings a real identity provider. Passwords carry their encoder prefix
 * ({@code {bcrypt}…}, {@code {noop}…}). The query side binds the same keys with a class of its own.
 */
@ConfigurationProperties("ledger.security")
public record CommandSecurityProperties(List<User> users) {

    public CommandSecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    /** One login. {@link #toString()} never shows the password, so the list can be logged safely. */
    public record User(String username, String password, Role role, String unitId) {

        @Override
        public String toString() {
            return "User[username=" + username + ", role=" + role + ", unitId=" + unitId + ", password=<hidden>]";
        }
    }
}
