/**
 * Programs that use Cove: {@link dev.cove.examples.CountIamUsers} counts IAM users in every account,
 * {@link dev.cove.examples.UsersWithoutMfa} finds the IAM users without MFA (and is tested with the test kit's
 * {@code @CoveTest}), and {@link dev.cove.examples.TourOrganization} runs the local organization that
 * {@code try.sh} tours.
 */
package dev.cove.examples;
