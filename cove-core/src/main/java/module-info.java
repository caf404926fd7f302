/**
 * Cove: runs one function in every selected AWS account × region, with a role assumed in each account, and
 * gathers every outcome. The API is the package {@code dev.cove}; everything else is internal and not
 * exported.
 */
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"}) // the AWS SDK ships automatic modules
module dev.cove {
    exports dev.cove;

    requires transitive software.amazon.awssdk.auth;
    requires transitive software.amazon.awssdk.awscore;
    requires transitive software.amazon.awssdk.core;
    requires transitive software.amazon.awssdk.regions;
    requires software.amazon.awssdk.http;
    requires software.amazon.awssdk.http.apache;
    requires software.amazon.awssdk.http.auth.aws;
    requires software.amazon.awssdk.http.auth.spi;
    requires software.amazon.awssdk.profiles;
    requires software.amazon.awssdk.identity.spi;
    requires software.amazon.awssdk.protocols.jsoncore;
    requires software.amazon.awssdk.thirdparty.jackson.core;
    requires software.amazon.awssdk.retries;
    requires software.amazon.awssdk.retries.api;
    requires software.amazon.awssdk.services.organizations;
    requires software.amazon.awssdk.services.sts;
    requires org.slf4j;
    requires java.xml;
}
