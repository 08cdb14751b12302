package dev.limber.benchmarks;

/**
 * W8's answer for one book: its column values and its author, null when the book has none or
 * the author is soft-deleted (the book is kept either way).
 */
public record AuthoredBookRow(BookRow book, AuthorRow author) {
}
