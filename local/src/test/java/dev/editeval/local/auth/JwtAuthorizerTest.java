package dev.editeval.local.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tokens signed with the issuer's own key that the authorizer must still refuse. */
class JwtAuthorizerTest {

    @TempDir
    Path dir;
    private RSAKey key;
    private JwtAuthorizer authorizer;

    @BeforeEach
    void issuer() throws Exception {
        LocalIssuer issuer = LocalIssuer.fromKeyFile(dir.resolve("key.json"), Clock.systemUTC());
        key = RSAKey.parse(Files.readString(dir.resolve("key.json"), StandardCharsets.UTF_8));
        authorizer = new JwtAuthorizer(issuer);
    }

    @Test
    void authorize_whenTheTokenIsGood_givesItsGroupsAsTheAuthorizerWritesThem() throws JOSEException {
        assertThat(authorizer.authorize(bearer(Instant.now(), List.of("evaluators", "admins"))))
                .hasValueSatisfying(claims -> assertThat(claims).containsEntry("cognito:groups",
                        "[evaluators admins]"));
    }

    @Test
    void authorize_whenTheTokenIsIssuedInTheFuture_refusesIt() throws JOSEException {
        Instant later = Instant.now().plus(JwtAuthorizer.CLOCK_SKEW).plus(Duration.ofMinutes(5));

        assertThat(authorizer.authorize(bearer(later, List.of("evaluators")))).isEmpty();
    }

    @Test
    void authorize_whenAGroupNameHasASpace_refusesTheTokenRatherThanReadOtherGroups() throws JOSEException {
        assertThat(authorizer.authorize(bearer(Instant.now(), List.of("x admins")))).isEmpty();
        assertThat(authorizer.authorize(bearer(Instant.now(), List.of("evaluators", "")))).isEmpty();
    }

    private String bearer(Instant issued, List<String> groups) throws JOSEException {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(LocalIssuer.ISSUER).audience(LocalIssuer.AUDIENCE)
                .subject("mallory").claim("cognito:groups", groups).issueTime(Date.from(issued))
                .expirationTime(Date.from(issued.plus(Duration.ofHours(1)))).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return "Bearer " + jwt.serialize();
    }
}
