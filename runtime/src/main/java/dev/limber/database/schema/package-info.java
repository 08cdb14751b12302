/**
 * What the runtime and the schema tools (migrations, the CLI) share about a registry's tables:
 * {@link dev.limber.database.schema.TableOrder}, the order in which they can be created.
 */
package dev.limber.database.schema;
