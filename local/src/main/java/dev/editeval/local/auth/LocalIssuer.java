package dev.editeval.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * Stands in for Cognito: signs RS256 tokens with the claims a Cognito access token carries ({@code sub},
 * {@code username}, {@code cognito:groups}), so the page and the handler cannot tell which issued them.
 * The key lives in the data folder, so tokens survive a restart.
 */
public final class LocalIssuer {

    public static final String ISSUER = "https://editeval.local/issuer";
    public static final String AUDIENCE = "editeval-local";
    public static final Duration LIFETIME = Duration.ofHours(8);

    private final RSAKey key;
    private final Clock clock;

    private LocalIssuer(RSAKey key, Clock clock) {
        this.key = key;
        this.clock = clock;
    }

    /** Loads the key from the file, or makes one and saves it there. */
    public static LocalIssuer fromKeyFile(Path file, Clock clock) {
        try {
            if (Files.exists(file)) {
                return new LocalIssuer(RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8)), clock);
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
            Files.createDirectories(file.getParent());
            Files.writeString(file, key.toJSONString(), StandardCharsets.UTF_8);
            return new LocalIssuer(key, clock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the signing key in " + file + " is unusable", e);
        }
    }

    /** The clock tokens are issued on, which the authorizer checks their issue time against. */
    public Clock clock() {
        return clock;
    }

    public RSAKey publicKey() {
        return key.toPublicJWK();
    }

    public SignedToken issue(LocalUser user) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(user.sub())
                .claim("username", user.username())
                .claim("cognito:groups", user.groups())
                .claim("token_use", "access")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
        return new SignedToken(jwt.serialize(), now.plus(LIFETIME));
    }

    /** A serialised token and when it expires. */
    public record SignedToken(String token, Instant expiresAt) {
    }
}
