package dev.editeval.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Does what API Gateway's JWT authorizer does: checks signature, issuer, audience and expiry, and hands the claims on
 * as strings, lists written as {@code [a b]}; also refuses a token issued in the future and a list it cannot write
 * unambiguously.
 */
public final class JwtAuthorizer {

    /** How far a token's issue time may be ahead of this clock: more is a token made for later, refused. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final Clock clock;

    public JwtAuthorizer(LocalIssuer issuer) {
        this.clock = issuer.clock();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
                new ImmutableJWKSet<>(new JWKSet(issuer.publicKey()))));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(LocalIssuer.AUDIENCE,
                new JWTClaimsSet.Builder().issuer(LocalIssuer.ISSUER).build(), Set.of("sub", "exp", "iat")));
    }

    /** The verified claims, or empty for a missing, malformed, forged, expired or foreign token. */
    public Optional<Map<String, String>> authorize(String authorizationHeader) {
        if (authorizationHeader == null || !authorizationHeader.startsWith("Bearer ")) {
            return Optional.empty();
        }
        try {
            JWTClaimsSet claims = processor.process(authorizationHeader.substring("Bearer ".length()).trim(), null);
            if (claims.getIssueTime().toInstant().isAfter(clock.instant().plus(CLOCK_SKEW))
                    || claims.getClaims().values().stream().anyMatch(JwtAuthorizer::ambiguous)) {
                return Optional.empty();
            }
            Map<String, String> flat = new HashMap<>();
            claims.getClaims().forEach((name, value) -> flat.put(name, flatten(value)));
            return Optional.of(flat);
        } catch (ParseException | BadJOSEException | JOSEException e) {
            return Optional.empty();
        }
    }

    /**
     * A list holding a name that has a space, or none: flattened as {@code [a b]} it would read as other names (a group
     * {@code "x admins"} as {@code admins}). Cognito allows no space in a group's name, so no real token holds one.
     */
    private static boolean ambiguous(Object value) {
        return value instanceof Collection<?> list && list.stream().map(String::valueOf)
                .anyMatch(name -> name.isEmpty() || name.chars().anyMatch(Character::isWhitespace));
    }

    private static String flatten(Object value) {
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
        }
        if (value instanceof java.util.Date date) {
            return Long.toString(date.getTime() / 1000);
        }
        return String.valueOf(value);
    }
}
