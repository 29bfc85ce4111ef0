package com.zhaoshang.ledger.command.authorization;

import com.zhaoshang.ledger.api.ErrorCode;
import com.zhaoshang.ledger.api.project.StartNegotiationCommand;
import com.zhaoshang.ledger.api.value.Actor;
import com.zhaoshang.ledger.api.value.Role;
import com.zhaoshang.ledger.api.value.UnitId;
import com.zhaoshang.ledger.command.unit.InMemoryUnitDirectory;
import org.axonframework.commandhandling.CommandExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;

import java.time.LocalDate;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every command of the vocabulary has a policy, and a command nobody may send is refused as FORBIDDEN. */
class CommandAuthorizationTest {

    private final CommandAuthorization authorization = new CommandAuthorization(new InMemoryUnitDirectory(), null);

    @Test
    void everyCommandOfTheVocabularyHasAPolicy() throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile(".*Command")));
        Set<String> commands = scanner.findCandidateComponents("com.zhaoshang.ledger.api").stream()
                .map(BeanDefinition::getBeanClassName).collect(Collectors.toSet());

        assertThat(commands).isNotEmpty();
        assertThat(authorization.commandTypes().stream().map(Class::getName).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(commands);
    }

    @Test
    void aCommandWithoutAPolicyIsForbidden() {
        Actor admin = new Actor("admin", Role.ADMIN, new UnitId("360800"));
        assertThatThrownBy(() -> authorization.check("not a command", admin))
                .isInstanceOfSatisfying(CommandExecutionException.class,
                        e -> assertThat(e.getDetails()).contains(ErrorCode.FORBIDDEN));
    }

    @Test
    void aRoleOutsideTheCommandsRoleIsForbiddenBeforeAnyUnitIsLookedUp() {
        Actor leader = new Actor("leader", Role.LEADER, new UnitId("360800"));
        assertThatThrownBy(() -> authorization.check(
                new StartNegotiationCommand("p-1", LocalDate.of(2026, 3, 10), null), leader))
                .isInstanceOfSatisfying(CommandExecutionException.class,
                        e -> assertThat(e.getDetails()).contains(ErrorCode.FORBIDDEN))
                .hasMessageContaining("LEADER");
    }
}
