package io.barlake.signals.alerts;

import io.barlake.lake.store.InvalidSettingException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which alert webhooks Barlake will call, so that a rule cannot turn the scan (or the API) into a
 * way into the owner's network: the cloud metadata service, loopback, private networks.
 *
 * <p>A webhook is an {@code https} URL without user info whose host resolves only to public
 * addresses. IP addresses are accepted only as dotted quads and bracketed IPv6; the shorthand
 * notations that resolvers also read ({@code 2130706433}, {@code 0x7f.1}, {@code 0177.0.0.1},
 * {@code 127.1}) are refused outright. IPv4 addresses embedded in IPv6 (mapped, compatible,
 * NAT64, 6to4) are checked as the IPv4 address they carry.
 *
 * <p>An operator may name hosts in {@value #TRUSTED_HOSTS_SETTING}: to those, {@code http} is
 * allowed and so are loopback and private addresses (a receiver on the operator's own network).
 * Link-local (where the metadata service answers), unspecified and multicast addresses stay
 * refused for every host.
 *
 * <p>The check runs when a rule is created and again right before each POST, with a fresh
 * resolution: a name that pointed elsewhere yesterday is judged by what it points at now. The
 * JVM keeps a resolved name for 30 s, so the HTTP client connects to the addresses just checked.
 */
public final class WebhookPolicy {
    /** Hosts (comma-separated, no ports) an operator trusts with {@code http} and private addresses. */
    public static final String TRUSTED_HOSTS_SETTING = "BARLAKE_WEBHOOK_TRUSTED_HOSTS";
    public static final int MAX_LENGTH = 500;

    private static final Pattern DOTTED_QUAD = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    /** The last label of a host that resolvers read as a number, so the whole host as an IPv4 address. */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("(0[xX][0-9a-fA-F]*|\\d+)");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

    /** Turns a host name into its addresses; tests give one that never touches the network. */
    @FunctionalInterface
    public interface Resolver {
        List<InetAddress> resolve(String host) throws UnknownHostException;
    }

    /** The system's resolver. */
    public static final Resolver SYSTEM = host -> Arrays.asList(InetAddress.getAllByName(host));

    private final Set<String> trustedHosts;
    private final Resolver resolver;

    public WebhookPolicy(Set<String> trustedHosts, Resolver resolver) {
        this.trustedHosts = trustedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    /** The policy of {@value #TRUSTED_HOSTS_SETTING}; a malformed list is an {@link InvalidSettingException}. */
    public static WebhookPolicy fromEnvironment(Map<String, String> environment, Resolver resolver) {
        String value = environment.get(TRUSTED_HOSTS_SETTING);
        if (value == null || value.isBlank()) {
            return new WebhookPolicy(Set.of(), resolver);
        }
        Set<String> hosts = Arrays.stream(value.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toSet());
        for (String host : hosts) {
            if (!HOST_NAME.matcher(host).matches() && !host.matches("\\[[0-9a-f:.]+]")) {
                throw new InvalidSettingException(TRUSTED_HOSTS_SETTING, value,
                        "expected host names or IP addresses separated by commas, without scheme or port");
            }
        }
        return new WebhookPolicy(hosts, resolver);
    }

    /**
     * Why {@code url} may not be called, as a sentence that names what is wrong; empty when it may.
     * {@code ownHost} is the API's own host name (a webhook back into the API is refused), or null.
     */
    public Optional<String> refusal(String url, String ownHost) {
        if (url.length() > MAX_LENGTH) {
            return Optional.of("it is longer than " + MAX_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return Optional.of("it must be an https URL");
        }
        if (uri.getRawUserInfo() != null || uri.getRawAuthority() != null && uri.getRawAuthority().contains("@")) {
            return Optional.of("it may not carry a user name or password; put a token in the path instead");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return Optional.of("its host is missing or not a plain host name");
        }
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        boolean trusted = trustedHosts.contains(host);
        if (scheme.equals("http") && !trusted) {
            return Optional.of("plain http is allowed only to hosts an operator lists in " + TRUSTED_HOSTS_SETTING + "; use https");
        }
        List<InetAddress> addresses;
        try {
            addresses = addresses(host);
        } catch (UnknownHostException e) {
            return Optional.of("its host " + host + " does not resolve");
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        for (InetAddress address : addresses) {
            Optional<String> kind = AddressKind.nonPublic(address);
            if (kind.isPresent() && !(trusted && AddressKind.trustable(kind.get()))) {
                return Optional.of(host + " is " + (literal(host) ? "" : "at " + address.getHostAddress() + ", ")
                        + (kind.get().startsWith("u") ? "an " : "a ") + kind.get() + " address");
            }
        }
        if (ownHost != null && host.equals(ownHost.toLowerCase(Locale.ROOT))) {
            return Optional.of("it points back at this API");
        }
        return Optional.empty();
    }

    /** {@code url} without a user name or password, as a rule stored before they were refused is listed. */
    public static String withoutUserInfo(String url) {
        return url == null ? null : url.replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@", "$1");
    }

    private static boolean literal(String host) {
        return host.startsWith("[") || DOTTED_QUAD.matcher(host).matches();
    }

    private List<InetAddress> addresses(String host) throws UnknownHostException {
        if (host.startsWith("[")) {
            String inner = host.substring(1, host.length() - 1);
            if (!inner.matches("[0-9a-f:.]+")) {
                throw new IllegalArgumentException("its IPv6 address " + host + " has a zone or is not an address");
            }
            return List.of(InetAddress.getByName(inner)); // a literal: parsed, never looked up
        }
        String[] labels = host.split("\\.");
        if (NUMERIC_LABEL.matcher(labels[labels.length - 1]).matches()) {
            if (!DOTTED_QUAD.matcher(host).matches()) {
                throw new IllegalArgumentException(host + " is an IP address in a shorthand notation (decimal, octal or hex); "
                        + "write an address as a.b.c.d");
            }
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                bytes[i] = (byte) Integer.parseInt(labels[i]);
            }
            return List.of(InetAddress.getByAddress(bytes));
        }
        if (!HOST_NAME.matcher(host).matches()) {
            throw new IllegalArgumentException("its host is not a plain host name");
        }
        if (host.equals("localhost") || host.endsWith(".localhost")) {
            return List.of(InetAddress.getLoopbackAddress());
        }
        List<InetAddress> resolved = resolver.resolve(host);
        if (resolved.isEmpty()) {
            throw new UnknownHostException(host);
        }
        return resolved;
    }

    /** The address ranges that are not the public internet, by name. */
    static final class AddressKind {
        private AddressKind() {}

        static boolean trustable(String kind) {
            return kind.equals("loopback") || kind.startsWith("private") || kind.equals("shared (carrier-grade NAT)");
        }

        static Optional<String> nonPublic(InetAddress address) {
            byte[] b = address.getAddress();
            if (address instanceof Inet4Address) {
                return ipv4(b);
            }
            if (address instanceof Inet6Address) {
                return ipv6(b);
            }
            return Optional.of("unknown");
        }

        private static Optional<String> ipv4(byte[] b) {
            int a0 = b[0] & 0xff;
            int a1 = b[1] & 0xff;
            int a2 = b[2] & 0xff;
            if (a0 == 0) {
                return Optional.of("unspecified");
            }
            if (a0 == 127) {
                return Optional.of("loopback");
            }
            if (a0 == 169 && a1 == 254) {
                return Optional.of("link-local");
            }
            if (a0 == 10 || a0 == 172 && (a1 & 0xf0) == 16 || a0 == 192 && a1 == 168) {
                return Optional.of("private");
            }
            if (a0 == 100 && (a1 & 0xc0) == 64) {
                return Optional.of("shared (carrier-grade NAT)");
            }
            if (a0 >= 224 && a0 <= 239) {
                return Optional.of("multicast");
            }
            if (a0 >= 240) {
                return Optional.of("reserved");
            }
            if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2) || a0 == 198 && (a1 & 0xfe) == 18
                    || a0 == 198 && a1 == 51 && a2 == 100 || a0 == 203 && a1 == 0 && a2 == 113) {
                return Optional.of("reserved");
            }
            return Optional.empty();
        }

        private static Optional<String> ipv6(byte[] b) {
            boolean zeroTo10 = true;
            for (int i = 0; i < 10; i++) {
                zeroTo10 &= b[i] == 0;
            }
            if (zeroTo10 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                return ipv4(Arrays.copyOfRange(b, 12, 16)); // IPv4-mapped
            }
            if (zeroTo10 && b[10] == 0 && b[11] == 0) {
                boolean zeroTo15 = b[12] == 0 && b[13] == 0 && b[14] == 0;
                if (zeroTo15 && b[15] == 0) {
                    return Optional.of("unspecified");
                }
                if (zeroTo15 && b[15] == 1) {
                    return Optional.of("loopback");
                }
                return ipv4(Arrays.copyOfRange(b, 12, 16)); // IPv4-compatible
            }
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return ipv4(Arrays.copyOfRange(b, 12, 16)); // NAT64 64:ff9b::/96
            }
            if (first == 0x20 && second == 0x02) {
                return ipv4(Arrays.copyOfRange(b, 2, 6)); // 6to4 2002::/16
            }
            if (first == 0xfe && (second & 0xc0) == 0x80) {
                return Optional.of("link-local");
            }
            if (first == 0xfe && (second & 0xc0) == 0xc0) {
                return Optional.of("private (site-local)");
            }
            if ((first & 0xfe) == 0xfc) {
                return Optional.of("private (unique local)");
            }
            if (first == 0xff) {
                return Optional.of("multicast");
            }
            if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
                return Optional.of("reserved");
            }
            return Optional.empty();
        }
    }
}
