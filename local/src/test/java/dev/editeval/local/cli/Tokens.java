package dev.editeval.local.cli;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.editeval.local.auth.LocalIssuer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Tokens minted in the test with the local issuer's key from the data folder, good ones and every kind of bad. */
final class Tokens {

    private final RSAKey issuerKey;

    Tokens(Path dataDir) throws IOException, ParseException {
        this.issuerKey = RSAKey.parse(Files.readString(dataDir.resolve("jwt-key.json"), StandardCharsets.UTF_8));
    }

    /** A token as {@code /auth/token} gives it: the user's name is also their {@code sub}, for readable tests. */
    String of(String user, List<String> groups) {
        return sign(issuerKey, claims(user, groups).build());
    }

    String signedByAnotherKey(String user) {
        try {
            return sign(new RSAKeyGenerator(2048).keyID(issuerKey.getKeyID()).generate(),
                    claims(user, List.of("evaluators")).build());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String expired(String user) {
        Instant past = Instant.now().minus(Duration.ofHours(9));
        return sign(issuerKey, claims(user, List.of("evaluators")).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(LocalIssuer.LIFETIME))).build());
    }

    String forAudience(String user, String audience) {
        return sign(issuerKey, claims(user, List.of("evaluators")).audience(audience).build());
    }

    private static JWTClaimsSet.Builder claims(String user, List<String> groups) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(LocalIssuer.ISSUER).audience(LocalIssuer.AUDIENCE).subject(user)
                .claim("username", user).claim("cognito:groups", groups).claim("token_use", "access")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .jwtID(UUID.randomUUID().toString());
    }

    private static String sign(RSAKey key, JWTClaimsSet claims) {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
        return jwt.serialize();
    }
}
