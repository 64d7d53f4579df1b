package dev.editeval.infra.constructs;

import dev.editeval.domain.topology.ApiRoute;
import java.util.List;
import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpJwtAuthorizerProps;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.FeaturePlan;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.cognito.UserPoolDomainOptions;
import software.amazon.awscdk.services.cognito.UserPoolGroupOptions;
import software.constructs.Construct;

/**
 * Who may rate: a Cognito user pool whose users an admin creates (no self sign-up), in the groups the API reads
 * from {@code cognito:groups}, signing in to the page through the hosted UI (authorization code with PKCE).
 */
public final class UserDirectory extends Construct {

    public static final String EVALUATORS_GROUP = ApiRoute.Audience.EVALUATORS.group();
    public static final String ADMINS_GROUP = ApiRoute.Audience.ADMINS.group();
    private static final int MIN_PASSWORD_LENGTH = 12;

    private final UserPool pool;
    private final UserPoolDomain domain;

    public UserDirectory(Construct scope, String id) {
        super(scope, id);
        pool = UserPool.Builder.create(this, "Pool")
                .userPoolName("editeval")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().username(true).email(true).build())
                .passwordPolicy(PasswordPolicy.builder()
                        .minLength(MIN_PASSWORD_LENGTH)
                        .requireLowercase(true)
                        .requireUppercase(true)
                        .requireDigits(true)
                        .requireSymbols(true)
                        .build())
                .mfa(Mfa.REQUIRED)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .featurePlan(FeaturePlan.ESSENTIALS)
                .build();
        pool.addGroup("Evaluators", UserPoolGroupOptions.builder().groupName(EVALUATORS_GROUP).build());
        pool.addGroup("Admins", UserPoolGroupOptions.builder().groupName(ADMINS_GROUP).build());
        domain = pool.addDomain("Domain", UserPoolDomainOptions.builder()
                // Hosted-UI prefixes are global per region; the account id keeps them apart.
                .cognitoDomain(CognitoDomainOptions.builder().domainPrefix("editeval-" + Aws.ACCOUNT_ID).build())
                .build());
        Suppressions.suppress(pool, "AwsSolutions-COG3",
                "Threat protection (advanced security) needs the Plus plan; users are few, created by an admin,"
                        + " and must use TOTP MFA.");
    }

    /** The page's client: public (no secret, the page cannot keep one), code flow only, back to the page. */
    public UserPoolClient addPageClient(String pageUrl) {
        return pool.addClient("PageClient", UserPoolClientOptions.builder()
                .userPoolClientName("editeval-page")
                .generateSecret(false)
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                        .scopes(List.of(OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE))
                        .callbackUrls(List.of(pageUrl))
                        .logoutUrls(List.of(pageUrl))
                        .build())
                .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                .preventUserExistenceErrors(true)
                .build());
    }

    /** Accepts the pool's tokens issued to this client only. */
    public IHttpRouteAuthorizer authorizerFor(UserPoolClient client) {
        String issuer = "https://cognito-idp." + Stack.of(this).getRegion() + ".amazonaws.com/" + pool.getUserPoolId();
        return new HttpJwtAuthorizer("CognitoJwt", issuer, HttpJwtAuthorizerProps.builder()
                .jwtAudience(List.of(client.getUserPoolClientId()))
                .build());
    }

    public String userPoolId() {
        return pool.getUserPoolId();
    }

    /** The hosted UI's base URL, e.g. {@code https://editeval-123.auth.eu-west-1.amazoncognito.com}. */
    public String signInUrl() {
        return domain.baseUrl();
    }
}
