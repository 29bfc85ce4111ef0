package com.zhaoshang.ledger.query.security;

import com.zhaoshang.ledger.api.value.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The users who may read, until the security issue lands: {@code ledger.security.users[i].username / password /
 * role / unit-id}. Passwords carry their encoding as a prefix ({@code {noop}…}, {@code {bcrypt}…}). The command side
 * binds the same keys with its own class; in single-process mode both read one list.
 */
@ConfigurationProperties("ledger.security")
public record QuerySecurityProperties(List<User> users) {

    public QuerySecurityProperties {
        users = users == null ? List.of() : List.copyOf(users);
    }

    public record User(String username, String password, Role role, String unitId) {

        /** Never print the password. */
        @Override
        public String toString() {
            return "User[username=" + username + ", role=" + role + ", unitId=" + unitId + "]";
        }
    }
}
