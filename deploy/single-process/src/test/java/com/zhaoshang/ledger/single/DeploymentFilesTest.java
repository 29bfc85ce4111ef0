package com.zhaoshang.ledger.single;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The split deployment's files (deploy/compose, deploy/k8s) are valid YAML with the structure they need: no network
 * for a schema, so the checks are the ones a broken file would fail — every service and workload has its image,
 * probes on the actuator's readiness and liveness groups, resource requests, the datasource settings, and every
 * reference (Service selector, ConfigMap, Secret, proxy upstream, database service) points at something defined.
 */
class DeploymentFilesTest {

    private static final Path DEPLOY = Path.of("..").toAbsolutePath().normalize();
    private static final String READINESS = "/actuator/health/readiness";
    private static final String LIVENESS = "/actuator/health/liveness";

    @Test
    void theComposeFileRunsTwoInstancesOfEachSideBehindAProxyOnOnePostgreSql() throws IOException {
        Map<String, Object> compose = map(load(DEPLOY.resolve("compose/compose.yaml")).get(0));
        Map<String, Object> services = map(compose.get("services"));
        assertThat(services).containsOnlyKeys("postgres", "command-1", "command-2", "query-1", "query-2", "proxy");

        for (String name : List.of("command-1", "command-2", "query-1", "query-2")) {
            Map<String, Object> service = map(services.get(name));
            String side = name.startsWith("command") ? "command-side" : "query-side";
            assertThat((String) service.get("image")).as(name).startsWith("zhaoshang-ledger/" + side + ":");
            assertThat(String.valueOf(map(service.get("healthcheck")).get("test"))).as(name).contains(READINESS);
            Map<String, Object> environment = map(service.get("environment"));
            assertThat((String) environment.get("SPRING_DATASOURCE_URL")).isEqualTo("jdbc:postgresql://postgres:5432/ledger");
            assertThat(environment).containsKeys("SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD",
                    "LEDGER_AUDIT_CHECKPOINT_KEY");
            assertThat(map(service.get("depends_on"))).containsKey("postgres");
            assertThat(service.get("restart")).isEqualTo("unless-stopped");
            assertThat(map(map(service.get("deploy")).get("resources"))).containsKey("reservations");
        }
        assertThat(map(map(services.get("query-1")).get("depends_on")))
                .as("the query side reads the event tables the command side migrates").containsKey("command-1");
        assertThat(String.valueOf(map(map(services.get("postgres")).get("healthcheck")).get("test"))).contains("pg_isready");

        Map<String, Object> proxy = map(services.get("proxy"));
        assertThat(String.valueOf(proxy.get("volumes"))).contains("./nginx.conf:");
        String nginx = Files.readString(DEPLOY.resolve("compose/nginx.conf"), StandardCharsets.UTF_8);
        for (String upstream : List.of("command-1:8080", "command-2:8080", "query-1:8080", "query-2:8080")) {
            assertThat(nginx).contains("server " + upstream);
        }
        assertThat(nginx).contains("POST    command_side;").contains("default query_side;");
        assertThat(balanced(nginx)).as("nginx.conf braces balance").isTrue();
        assertThat(String.valueOf(map(services.get("command-1")).get("volumes"))).contains("./users.yml:");
        assertThat(DEPLOY.resolve("compose/users.yml")).exists();
        assertThat(map(map(load(DEPLOY.resolve("compose/users.yml")).get(0)).get("ledger"))).containsKey("security");
    }

    @Test
    void theKubernetesManifestsAreCompleteAndConsistent() throws IOException {
        Map<String, Object> kustomization = map(load(DEPLOY.resolve("k8s/kustomization.yaml")).get(0));
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            Path file = DEPLOY.resolve("k8s").resolve((String) resource);
            assertThat(file).as("kustomization resource").exists();
            load(file).forEach(document -> objects.add(map(document)));
        }
        objects.addAll(load(DEPLOY.resolve("k8s/secrets.example.yaml")).stream().map(DeploymentFilesTest::map).toList());

        Set<String> defined = new HashSet<>();
        for (Map<String, Object> object : objects) {
            assertThat(object).containsKeys("apiVersion", "kind", "metadata");
            Map<String, Object> metadata = map(object.get("metadata"));
            assertThat(metadata).containsKey("name");
            assertThat(((String) metadata.get("name"))).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
            if (!"Namespace".equals(object.get("kind"))) {
                assertThat(metadata.get("namespace")).isEqualTo("zhaoshang-ledger");
            }
            defined.add(object.get("kind") + "/" + metadata.get("name"));
        }
        assertThat(defined).contains("Deployment/command-side", "Deployment/query-side", "Deployment/ledger-proxy",
                "Service/command-side", "Service/query-side", "Service/ledger-proxy", "ConfigMap/ledger-config",
                "ConfigMap/ledger-proxy", "Cluster/ledger-db", "Namespace/zhaoshang-ledger");

        Map<String, Object> cluster = kind(objects, "Cluster", "ledger-db");
        assertThat(cluster.get("apiVersion")).isEqualTo("postgresql.cnpg.io/v1");
        assertThat((Integer) map(cluster.get("spec")).get("instances")).isGreaterThanOrEqualTo(2);
        // CloudNativePG names the primary's service <cluster>-rw and the application secret <cluster>-app
        defined.add("Secret/ledger-db-app");
        assertThat((String) map(kind(objects, "ConfigMap", "ledger-config").get("data")).get("SPRING_DATASOURCE_URL"))
                .isEqualTo("jdbc:postgresql://ledger-db-rw:5432/ledger");

        for (String side : List.of("command-side", "query-side")) {
            Map<String, Object> deployment = kind(objects, "Deployment", side);
            Map<String, Object> spec = map(deployment.get("spec"));
            assertThat((Integer) spec.get("replicas")).as(side).isGreaterThanOrEqualTo(2);
            Map<String, Object> podLabels = map(map(map(spec.get("template")).get("metadata")).get("labels"));
            assertThat(podLabels).containsAllEntriesOf(map(map(spec.get("selector")).get("matchLabels")));
            Map<String, Object> service = kind(objects, "Service", side);
            assertThat(podLabels).as("the Service selects the pods").containsAllEntriesOf(map(map(service.get("spec")).get("selector")));

            Map<String, Object> pod = map(map(spec.get("template")).get("spec"));
            Map<String, Object> container = map(list(pod.get("containers")).get(0));
            assertThat((String) container.get("image")).startsWith("zhaoshang-ledger/" + side + ":");
            assertThat(probePath(container, "readinessProbe")).isEqualTo(READINESS);
            assertThat(probePath(container, "livenessProbe")).isEqualTo(LIVENESS);
            Map<String, Object> requests = map(map(container.get("resources")).get("requests"));
            assertThat(requests).containsKeys("cpu", "memory");
            for (Object from : list(container.get("envFrom"))) {
                assertThat(defined).contains("ConfigMap/" + map(map(from).get("configMapRef")).get("name"));
            }
            for (Object env : list(container.get("env"))) {
                Map<String, Object> secretRef = map(map(map(env).get("valueFrom")).get("secretKeyRef"));
                assertThat(defined).as("secret of " + map(env).get("name")).contains("Secret/" + secretRef.get("name"));
            }
            for (Object volume : list(pod.get("volumes"))) {
                Map<String, Object> secret = map(map(volume).get("secret"));
                assertThat(defined).contains("Secret/" + secret.get("secretName"));
            }
        }
        String proxyConfig = (String) map(kind(objects, "ConfigMap", "ledger-proxy").get("data")).get("nginx.conf");
        assertThat(proxyConfig).contains("command-side.zhaoshang-ledger.svc").contains("query-side.zhaoshang-ledger.svc");
        assertThat(balanced(proxyConfig)).isTrue();
    }

    private static String probePath(Map<String, Object> container, String probe) {
        return (String) map(map(container.get(probe)).get("httpGet")).get("path");
    }

    private static Map<String, Object> kind(List<Map<String, Object>> objects, String kind, String name) {
        return objects.stream()
                .filter(o -> kind.equals(o.get("kind")) && name.equals(map(o.get("metadata")).get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static boolean balanced(String text) {
        int depth = 0;
        for (char c : text.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    private static List<Object> load(Path file) throws IOException {
        List<Object> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions()))
                .loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
            if (document != null) {
                documents.add(document);
            }
        }
        assertThat(documents).as(file + " holds YAML documents").isNotEmpty();
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Object>) value;
    }
}
