package io.barlake.signals.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/**
 * The policy's address ranges against the JDK's own classification of addresses, which nobody
 * here wrote: every address the JDK calls loopback, link-local, site-local (private), multicast or
 * the wildcard must be refused, written as a literal or behind a name, and IPv4 inside IPv6 the same.
 */
class WebhookAddressesPropertyTest {
    private static boolean jdkSaysInternal(InetAddress address) {
        return address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isMulticastAddress() || address.isAnyLocalAddress();
    }

    @Property(tries = 3000)
    void everyIpv4AddressTheJdkCallsInternalIsRefusedInEveryForm(@ForAll @Size(4) byte[] bytes) throws UnknownHostException {
        InetAddress address = InetAddress.getByAddress(bytes);
        if (!jdkSaysInternal(address)) {
            return;
        }
        String dotted = address.getHostAddress();
        WebhookPolicy byName = new WebhookPolicy(Set.of(), host -> List.of(InetAddress.getByAddress(host, bytes)));
        WebhookPolicy none = new WebhookPolicy(Set.of(), host -> {
            throw new UnknownHostException(host);
        });
        assertThat(none.refusal("https://" + dotted + "/hook", null)).as(dotted).isPresent();
        assertThat(none.refusal("https://[::ffff:" + dotted + "]/hook", null)).as("mapped " + dotted).isPresent();
        assertThat(byName.refusal("https://hooks.example.com/hook", null)).as("a name at " + dotted).isPresent();
    }

    @Property(tries = 3000)
    void everyIpv6AddressTheJdkCallsInternalIsRefused(@ForAll @Size(16) byte[] bytes) throws UnknownHostException {
        // Bias a quarter of the draws into the ranges that matter, which random bytes rarely hit.
        switch (Math.floorMod(bytes[15], 4)) {
            case 0 -> { bytes[0] = (byte) 0xfe; bytes[1] = (byte) (0x80 | bytes[1] & 0x3f); }
            case 1 -> bytes[0] = (byte) 0xff;
            default -> { }
        }
        InetAddress address = InetAddress.getByAddress(bytes);
        if (!(address instanceof Inet6Address) || !jdkSaysInternal(address)) {
            return;
        }
        String literal = "[" + address.getHostAddress().replaceFirst("%.*$", "") + "]";
        WebhookPolicy none = new WebhookPolicy(Set.of(), host -> {
            throw new UnknownHostException(host);
        });
        assertThat(none.refusal("https://" + literal + "/hook", null)).as(literal).isPresent();
    }
}
