/**
 * Repository interfaces whose implementations the annotation processor writes:
 * {@link dev.limber.database.repository.Repository @Repository} names the model, derived
 * methods are read from their names, {@link dev.limber.database.repository.Query @Query}
 * methods carry SQL checked and rewritten for soft delete at compile time.
 */
package dev.limber.database.repository;
