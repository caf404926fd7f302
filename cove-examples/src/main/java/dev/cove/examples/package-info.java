/**
 * Programs that use Cove: {@link dev.cove.examples.CountIamUsers} counts IAM users in every account, and
 * {@link dev.cove.examples.TourOrganization} runs the local organization that {@code try.sh} tours.
 */
package dev.cove.examples;
