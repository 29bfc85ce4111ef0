package com.zhaoshang.ledger.command.authorization;

import com.zhaoshang.ledger.api.value.Actor;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Checks every command that carries an actor against {@link CommandAuthorization} before its handler runs. Commands
 * the system sends itself (deadline rules, schedules) carry no actor and pass.
 */
public class AuthorizationInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final CommandAuthorization authorization;

    public AuthorizationInterceptor(CommandAuthorization authorization) {
        this.authorization = authorization;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        CommandMessage<?> command = unitOfWork.getMessage();
        Actor actor = Actor.fromMetaData(command.getMetaData());
        if (actor != null) {
            authorization.check(command.getPayload(), actor);
        }
        return interceptorChain.proceed();
    }
}
