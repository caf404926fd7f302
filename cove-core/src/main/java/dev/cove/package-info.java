/**
 * Cove runs one function in every AWS account and region of an organization, concurrently, and gathers
 * every outcome. Start with {@link dev.cove.Cove#create()} or {@link dev.cove.Cove#builder()}.
 */
package dev.cove;
