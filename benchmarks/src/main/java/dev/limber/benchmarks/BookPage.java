package dev.limber.benchmarks;

import java.util.List;

/** One page of books and the total the query matches, for the contenders whose library has no page type. */
public record BookPage<S>(List<S> rows, long total) {
}
