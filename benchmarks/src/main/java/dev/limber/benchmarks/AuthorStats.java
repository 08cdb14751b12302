package dev.limber.benchmarks;

/**
 * W10's answer for one group: an author's id (null for the books without an author), how many
 * live books with more than the asked pages it has, and the most pages among them. Every
 * contender maps its rows into this record.
 */
public record AuthorStats(Long authorId, long books, Integer maxPages) {
}
