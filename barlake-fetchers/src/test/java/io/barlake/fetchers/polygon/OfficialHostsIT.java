package io.barlake.fetchers.polygon;

import static io.barlake.fetchers.polygon.PolygonReplay.KEY;
import static io.barlake.fetchers.polygon.PolygonReplay.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.barlake.lake.calendar.TradingCalendar;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.net.SocketFactory;
import okhttp3.Protocol;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the vendor's official hosts, api.massive.com and api.polygon.io, over https,
 * as a loopback server with a test certificate for both names answers them: the client's resolver
 * knows only those two names, and its sockets connect to the loopback server whatever address they
 * are given, so nothing here can reach the network.
 */
class OfficialHostsIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-05T23:00:00Z"), ZoneOffset.UTC);

    private MockWebServer server;
    private PolygonClient client;

    @BeforeEach
    void start() throws Exception {
        HeldCertificate certificate = new HeldCertificate.Builder()
                .addSubjectAlternativeName("api.massive.com").addSubjectAlternativeName("api.polygon.io").build();
        HandshakeCertificates serverSide = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        HandshakeCertificates clientSide = new HandshakeCertificates.Builder().addTrustedCertificate(certificate.certificate()).build();
        server = new MockWebServer();
        server.useHttps(serverSide.sslSocketFactory(), false);
        server.setProtocols(List.of(Protocol.HTTP_1_1)); // so each request's Host header says which name it was sent to
        server.start(InetAddress.getLoopbackAddress(), 0);
        int port = server.getPort();
        // Asked at the old host, as a team that configured it before the rename would.
        client = new PolygonClient(PolygonReplay.settings("https://api.polygon.io"), TradingCalendar.nyse(), CLOCK,
                builder -> builder
                        .dns(host -> {
                            if (PolygonSettings.OFFICIAL_HOSTS.contains(host)) {
                                return List.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
                            }
                            throw new UnknownHostException(host + " (this test's resolver knows only the official hosts)");
                        })
                        .socketFactory(new LoopbackOnly(port))
                        .sslSocketFactory(clientSide.sslSocketFactory(), clientSide.trustManager()));
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.shutdown();
    }

    private RecordedRequest taken() throws InterruptedException {
        return PolygonReplay.taken(server);
    }

    @Test
    void aNextUrlOnTheOtherOfficialHostIsFollowedWithTheKey() throws Exception {
        server.enqueue(ok("{\"results\":[{\"ticker\":\"A\"}],\"status\":\"OK\","
                + "\"next_url\":\"https://api.massive.com/v3/reference/tickers?cursor=YWN0aXZlPXRydWU\"}"));
        server.enqueue(ok("{\"results\":[{\"ticker\":\"KIMpL\"}],\"status\":\"OK\"}"));

        List<JsonNode> tickers = client.tickers();

        assertThat(tickers).extracting(node -> node.get("ticker").asText()).containsExactly("A", "KIMpL");
        RecordedRequest first = taken();
        assertThat(first.getHeader("Host")).isEqualTo("api.polygon.io");
        RecordedRequest second = taken();
        assertThat(second.getHeader("Host")).isEqualTo("api.massive.com");
        assertThat(second.getPath()).isEqualTo("/v3/reference/tickers?cursor=YWN0aXZlPXRydWU");
        assertThat(second.getHeader("Authorization")).isEqualTo("Bearer " + KEY);
    }

    @Test
    void aNextUrlOrRedirectToAThirdHostOrToPlainHttpIsRefusedAndTheKeyStays() throws Exception {
        for (String elsewhere : List.of("https://api.example.com/v3/reference/splits?cursor=x",
                "http://api.massive.com/v3/reference/splits?cursor=x", "https://api.massive.com:8443/v3/reference/splits?cursor=x")) {
            server.enqueue(ok("{\"results\":[],\"status\":\"OK\",\"next_url\":\"" + elsewhere + "\"}"));
            assertThatThrownBy(() -> client.splits()).as(elsewhere)
                    .isInstanceOf(PolygonMalformedResponseException.class)
                    .hasMessageContaining("next_url points to ")
                    .hasMessageContaining("not to the API at https://api.polygon.io:443 or an official host (api.massive.com, api.polygon.io)")
                    .hasMessageNotContaining(KEY);
            taken();
        }
        server.enqueue(new MockResponse().setResponseCode(301).setHeader("Location", "https://api.example.com/v2/x"));
        assertThatThrownBy(() -> client.groupedDaily(java.time.LocalDate.of(2024, 1, 2)))
                .hasMessageContaining("the vendor redirected to https://api.example.com:443");
        taken();
        assertThat(server.getRequestCount()).as("only the official hosts were asked").isEqualTo(4);
    }

    /** Sockets that connect to the loopback server whatever address they are asked for. */
    private static final class LoopbackOnly extends SocketFactory {
        private final int port;

        LoopbackOnly(int port) {
            this.port = port;
        }

        @Override
        public Socket createSocket() {
            return new Socket() {
                @Override
                public void connect(SocketAddress endpoint, int timeout) throws IOException {
                    super.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), timeout);
                }
            };
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            throw new IOException("unconnected sockets only");
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            throw new IOException("unconnected sockets only");
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            throw new IOException("unconnected sockets only");
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
            throw new IOException("unconnected sockets only");
        }
    }
}
