-- An ISBN may appear once among the books on the shelves; a deleted copy must not block a new one.
-- H2 has no partial indexes, so the unique index covers a generated column that is NULL for
-- deleted rows (a unique index allows any number of NULLs).
-- tag::unique-isbn-among-live-books[]
ALTER TABLE "books" ADD COLUMN "isbn_live" VARCHAR(20)
    GENERATED ALWAYS AS (CASE WHEN "deleted_at" IS NULL THEN "isbn" END);
CREATE UNIQUE INDEX "ux_books_isbn" ON "books" ("isbn_live");
-- end::unique-isbn-among-live-books[]
