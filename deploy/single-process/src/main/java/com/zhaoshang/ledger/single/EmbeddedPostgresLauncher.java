package com.zhaoshang.ledger.single;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts an embedded PostgreSQL before the application context when no {@code spring.datasource.url} is configured
 * (or {@code ledger.embedded-postgres.enabled=true}), keeping its data in {@code ledger.embedded-postgres.data-dir}
 * (default {@code ~/.zhaoshang-ledger/postgres}) so a second run sees the data of the first. Stopped with the context,
 * after every other bean.
 * <p>
 * The server starts on a thread of its own while Spring builds the context (about a second, more on a first run with
 * initdb): its port is chosen first and the datasource properties name it at once, and every {@link DataSource} bean
 * waits for the server before it is initialised, so nothing connects before PostgreSQL is ready, and a server that
 * fails to start fails the application's start.
 */
public class EmbeddedPostgresLauncher implements ApplicationListener<ApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);
    public static final String DATA_DIR = "ledger.embedded-postgres.data-dir";
    public static final String PORT = "ledger.embedded-postgres.port";
    public static final String ENABLED = "ledger.embedded-postgres.enabled";
    /** The process id of the run that started the server on this data directory. */
    static final String OWNER_FILE = "zhaoshang-ledger-owner.pid";
    private static final String SERVER_BEAN = "embeddedPostgresServer";

    private CompletableFuture<EmbeddedPostgres> postgres;

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent prepared && postgres != null) {
            ConfigurableListableBeanFactory beans = prepared.getApplicationContext().getBeanFactory();
            beans.addBeanPostProcessor(new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof DataSource) {
                        awaitStarted();
                    }
                    return bean;
                }
            });
            // Registered before any other bean, so destroyed after all of them: the processors, the scheduler and the
            // pool finish with the database before it stops (on ContextClosedEvent it stopped under their feet).
            DisposableBean server = this::stop;
            beans.registerSingleton(SERVER_BEAN, server);
            ((DefaultSingletonBeanRegistry) beans).registerDisposableBean(SERVER_BEAN, server);
        } else if (event instanceof ApplicationFailedEvent) {
            stop(); // a failed start may not have reached the bean above; stopping twice is harmless
        }
    }

    private void start(ConfigurableEnvironment env) {
        boolean urlGiven = env.containsProperty("spring.datasource.url");
        boolean enabled = env.getProperty(ENABLED, Boolean.class, !urlGiven);
        if (!enabled || postgres != null) {
            return;
        }
        Path dataDir = Path.of(env.getProperty(DATA_DIR,
                System.getProperty("user.home") + "/.zhaoshang-ledger/postgres")).toAbsolutePath();
        int configuredPort = env.getProperty(PORT, Integer.class, 0);
        int port;
        try {
            Files.createDirectories(dataDir);
            releaseOrphanedServer(dataDir);
            port = configuredPort > 0 ? configuredPort : freePort();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDir, e);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                // Spring's shutdown hook closes the context, which stops the server last (see SERVER_BEAN); the
                // library's own hook would stop it at once, under the processors still writing.
                .setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "100")
                .setServerConfig("synchronous_commit", "on")
                .setPort(port);
        CompletableFuture<EmbeddedPostgres> starting = new CompletableFuture<>();
        Thread starter = new Thread(() -> {
            try {
                EmbeddedPostgres server = builder.start();
                Files.writeString(dataDir.resolve(OWNER_FILE), ProcessHandle.current().pid() + System.lineSeparator());
                log.info("Embedded PostgreSQL on port {} with data in {}", server.getPort(), dataDir);
                starting.complete(server);
            } catch (IOException | RuntimeException e) {
                starting.completeExceptionally(new UncheckedIOException("could not start embedded PostgreSQL in "
                        + dataDir, e instanceof IOException io ? io : new IOException(e)));
            }
        }, "embedded-postgres-start");
        starter.setDaemon(true);
        starter.start();
        postgres = starting;
        env.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
                "spring.datasource.url", "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres",
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "postgres")));
    }

    /** Blocks until the server started in the background accepts connections; rethrows its failure to start. */
    private void awaitStarted() {
        try {
            postgres.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException failure ? failure : e;
        }
    }

    /** A port free on the loopback interface now, as the embedded server's own default would choose. */
    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A previous run killed without shutting down (kill -9, a crash) leaves its PostgreSQL running on the data
     * directory, and a new server refuses to start there. Each run records its own process id in {@link #OWNER_FILE}
     * next to the server's {@code postmaster.pid}: a running server whose recorded owner is no longer alive is such an
     * orphan and is asked to shut down (SIGTERM, PostgreSQL's smart shutdown: its clients died with their JVM). A
     * server whose owner still runs belongs to another instance and is left alone: start fails with a clear message.
     */
    static void releaseOrphanedServer(Path dataDir) throws IOException {
        Optional<ProcessHandle> server = pidIn(dataDir.resolve("postmaster.pid"))
                .flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (server.isEmpty()) {
            return; // no server, or a stale pid file that PostgreSQL removes on start
        }
        Optional<ProcessHandle> owner = pidIn(dataDir.resolve(OWNER_FILE)).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive);
        if (owner.isPresent() && owner.get().pid() != ProcessHandle.current().pid()) {
            throw new IllegalStateException("the embedded PostgreSQL in " + dataDir + " belongs to running process "
                    + owner.get().pid() + "; stop that instance or choose another " + DATA_DIR);
        }
        long pid = server.get().pid();
        log.warn("Stopping PostgreSQL {} left running in {} by a run that did not shut down", pid, dataDir);
        server.get().destroy();
        try {
            server.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IOException("PostgreSQL " + pid + " left by a previous run did not stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping PostgreSQL " + pid, e);
        }
    }

    private static Optional<Long> pidIn(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(file);
        try {
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void stop() {
        if (postgres != null) {
            CompletableFuture<EmbeddedPostgres> running = postgres;
            postgres = null;
            try {
                running.join().close();
            } catch (CompletionException e) {
                log.debug("the embedded PostgreSQL never started", e.getCause());
            } catch (IOException e) {
                log.warn("could not stop embedded PostgreSQL", e);
            }
        }
    }
}
