package io.barlake.signals.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.barlake.lake.store.InvalidSettingException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which webhooks pass, judged without the network: names resolve from a table, literals are parsed. */
class WebhookPolicyTest {
    /** public.example.com is public; rebound.example.com resolves to loopback; intranet.example.com has one private address among public ones. */
    private static final WebhookPolicy.Resolver TABLE = host -> switch (host) {
        case "public.example.com", "hooks.slack.com", "api.barlake.example" -> List.of(address(host, 93, 184, 215, 14));
        case "rebound.example.com" -> List.of(address(host, 127, 0, 0, 1));
        case "intranet.example.com" -> List.of(address(host, 93, 184, 215, 14), address(host, 10, 1, 2, 3));
        case "nas.home.arpa" -> List.of(address(host, 192, 168, 1, 20));
        case "metadata.home.arpa" -> List.of(address(host, 169, 254, 169, 254));
        default -> throw new UnknownHostException(host);
    };
    private static final WebhookPolicy POLICY = new WebhookPolicy(Set.of(), TABLE);

    private static InetAddress address(String host, int a, int b, int c, int d) throws UnknownHostException {
        return InetAddress.getByAddress(host, new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://public.example.com/hook", "https://hooks.slack.com/services/T000/B000/XXXX", "https://93.184.215.14/x",
        "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/x", "https://PUBLIC.example.com./x?token=abc"})
    void aPublicHttpsWebhookPasses(String url) {
        assertThat(POLICY.refusal(url, null)).as(url).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // the cloud metadata service, and loopback / unspecified in every notation resolvers accept
        "https://169.254.169.254/latest/meta-data/", "https://127.0.0.1/", "https://127.9.9.9/", "https://0.0.0.0/", "https://[::1]/",
        "https://[::]/", "https://[0:0:0:0:0:0:0:1]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/",
        "https://[::ffff:169.254.169.254]/", "https://[::127.0.0.1]/", "https://[64:ff9b::7f00:1]/", "https://[2002:7f00:1::]/",
        "https://2130706433/", "https://0x7f000001/", "https://0x7f.0.0.1/", "https://0177.0.0.1/", "https://127.1/",
        "https://017700000001/", "https://localhost/", "https://api.localhost/", "https://localhost./",
        // private, shared, link-local, multicast, reserved
        "https://10.0.0.1/", "https://172.16.0.1/", "https://172.31.255.255/", "https://192.168.0.1/", "https://100.64.0.1/",
        "https://[fe80::1]/", "https://[fd00:ec2::254]/", "https://[fc00::1]/", "https://224.0.0.1/", "https://[ff02::1]/",
        "https://255.255.255.255/", "https://240.0.0.1/",
        // names that resolve inside, now (DNS rebinding) or in one of several answers
        "https://rebound.example.com/", "https://intranet.example.com/", "https://does-not-resolve.example.com/",
        // user info, other schemes, plain http, not URLs
        "https://user:pass@public.example.com/", "https://token@public.example.com/", "http://public.example.com/",
        "ftp://public.example.com/", "file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "//public.example.com/",
        "https://[::1%25lo]/", "https://exa mple.com/", "not a url", "https:///x", "https://under_score.example.com/"})
    void anyWebhookThatIsNotPublicHttpsIsRefusedWithItsReason(String url) {
        assertThat(POLICY.refusal(url, null)).as(url).isPresent().get().asString().isNotBlank();
    }

    @Test
    void theRefusalNamesWhatIsWrong() {
        assertThat(POLICY.refusal("https://169.254.169.254/latest/meta-data/", null))
                .contains("169.254.169.254 is a link-local address");
        assertThat(POLICY.refusal("https://rebound.example.com/x", null))
                .contains("rebound.example.com is at 127.0.0.1, a loopback address");
        assertThat(POLICY.refusal("https://2130706433/", null)).get().asString()
                .contains("shorthand notation").contains("a.b.c.d");
        assertThat(POLICY.refusal("http://public.example.com/", null)).get().asString()
                .contains(WebhookPolicy.TRUSTED_HOSTS_SETTING);
        assertThat(POLICY.refusal("https://user:pass@public.example.com/", null)).get().asString()
                .contains("user name or password").doesNotContain("pass@");
        assertThat(POLICY.refusal("https://api.barlake.example/hook", "API.barlake.example")).contains("it points back at this API");
        assertThat(POLICY.refusal("https://x.example.com/" + "a".repeat(600), null)).contains("it is longer than 500 characters");
    }

    @Test
    void anOperatorsTrustedHostsMayUseHttpAndPrivateAddressesButNeverTheMetadataService() {
        WebhookPolicy policy = WebhookPolicy.fromEnvironment(
                Map.of(WebhookPolicy.TRUSTED_HOSTS_SETTING, "nas.home.arpa, 127.0.0.1,metadata.home.arpa"), TABLE);
        assertThat(policy.refusal("http://nas.home.arpa:8123/api/webhook/x", null)).isEmpty();
        assertThat(policy.refusal("http://127.0.0.1:9000/hook", null)).isEmpty();
        assertThat(policy.refusal("https://metadata.home.arpa/", null)).contains("metadata.home.arpa is at 169.254.169.254, a link-local address");
        assertThat(policy.refusal("http://public.example.com/", null)).as("only the listed hosts").isPresent();
        assertThat(policy.refusal("http://rebound.example.com/", null)).isPresent();
    }

    @Test
    void aMalformedTrustedHostListIsASettingError() {
        assertThatThrownBy(() -> WebhookPolicy.fromEnvironment(Map.of(WebhookPolicy.TRUSTED_HOSTS_SETTING, "http://nas:80/"), TABLE))
                .isInstanceOf(InvalidSettingException.class).hasMessageStartingWith("Invalid BARLAKE_WEBHOOK_TRUSTED_HOSTS 'http://nas:80/'");
    }

    @Test
    void userInfoIsLeftOutWhenAnOldRuleIsListed() {
        assertThat(WebhookPolicy.withoutUserInfo("https://user:secret@hooks.example.com/x?y=1")).isEqualTo("https://hooks.example.com/x?y=1");
        assertThat(WebhookPolicy.withoutUserInfo("https://hooks.example.com/a@b")).isEqualTo("https://hooks.example.com/a@b");
    }
}
