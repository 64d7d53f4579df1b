package dev.editeval.domain.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentSecurityPolicyTest {

    @Test
    void of_fillsWhereImagesAndSignInComeFrom() {
        assertThat(ContentSecurityPolicy.of("https://*.amazonaws.com", "https://*.amazoncognito.com"))
                .contains("img-src 'self' blob: data: https://*.amazonaws.com; ")
                .contains("connect-src 'self' https://*.amazoncognito.com; ")
                .startsWith("default-src 'self'; ").contains("frame-ancestors 'none'").doesNotContain("{");
    }

    @Test
    void of_withoutOtherSources_leavesOnlyThePageItself() {
        assertThat(ContentSecurityPolicy.of("", ""))
                .contains("img-src 'self' blob: data:; ").contains("connect-src 'self'; ").doesNotContain("{");
    }
}
