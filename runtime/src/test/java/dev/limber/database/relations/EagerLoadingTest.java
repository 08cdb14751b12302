package dev.limber.database.relations;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.limber.database.Engine;
import dev.limber.database.LimberException;
import dev.limber.database.MappingException;
import dev.limber.database.Many;
import dev.limber.database.NotFoundException;
import dev.limber.database.NotLoadedException;
import dev.limber.database.Ref;
import dev.limber.database.Session;
import dev.limber.database.fixtures.relations.Author;
import dev.limber.database.fixtures.relations.Author_;
import dev.limber.database.fixtures.relations.Biography;
import dev.limber.database.fixtures.relations.Book;
import dev.limber.database.fixtures.relations.Book_;
import dev.limber.database.fixtures.relations.Category;
import dev.limber.database.fixtures.relations.Category_;
import dev.limber.database.fixtures.relations.Imprint;
import dev.limber.database.fixtures.relations.Imprint_;
import dev.limber.database.fixtures.relations.Publisher;
import dev.limber.database.fixtures.relations.Publisher_;
import dev.limber.database.fixtures.relations.Tag;
import dev.limber.database.fixtures.relations.Tag_;
import dev.limber.database.testing.AllDatabases;
import dev.limber.database.testing.TestDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** {@code with(...)} and {@code session.load(...)}: related rows arrive in their holders, soft-deleted ones never. */
class EagerLoadingTest {

    static List<String> titles(List<Book> books) {
        return books.stream().map(b -> b.title).toList();
    }

    static List<String> names(List<Tag> tags) {
        return tags.stream().map(t -> t.name).toList();
    }

    static <T> Map<String, T> by(List<T> rows, Function<T, String> name) {
        return rows.stream().collect(Collectors.toMap(name, r -> r));
    }

    @AllDatabases
    void belongsToLoadsTheTargetAndATrashedTargetLeavesTheRefEmptyButKeepsTheBook(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Map<String, Book> books = by(s.query(Book.class).with(Book_.author).list(), b -> b.title);
            assertThat(books.keySet()).containsExactly("The Dispossessed", "The Lathe of Heaven", "Dune", "Haunted");
            assertThat(books.get("Dune").author.get().name).isEqualTo("Frank");
            assertThat(books.get("The Dispossessed").author.get().name).isEqualTo("Ursula");
            Book haunted = books.get("Haunted");
            assertThat(haunted.author.isLoaded()).isTrue();
            assertThat(haunted.author.find()).isEmpty();
            assertThat(haunted.author.id()).isEqualTo(shelf.ghost.id);
            NotFoundException absent = assertThrows(NotFoundException.class, () -> haunted.author.get());
            assertThat(absent).hasMessageThat().contains("Book.author has no target");
            // both Ursula books share one loaded author instance: one row per target
            assertThat(books.get("The Dispossessed").author.get()).isSameInstanceAs(
                    books.get("The Lathe of Heaven").author.get());
        }
    }

    @AllDatabases
    void hasManyLoadsLiveChildrenOnlyAndAParentWithOnlyTrashedChildrenGetsAnEmptyList(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Map<String, Author> authors = by(s.query(Author.class).with(Author_.books).list(), a -> a.name);
            assertThat(authors.keySet()).containsExactly("Ursula", "Frank", "Lonely");
            assertThat(titles(authors.get("Ursula").books.get())).containsExactly("The Dispossessed",
                    "The Lathe of Heaven").inOrder();
            assertThat(titles(authors.get("Frank").books.get())).containsExactly("Dune");
            assertThat(authors.get("Lonely").books.get()).isEmpty();
            assertThat(authors.get("Lonely").books.count()).isEqualTo(0);
        }
    }

    @AllDatabases
    void hasOneLoadsTheLiveChildOnly(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Map<String, Author> authors = by(s.query(Author.class).with(Author_.biography).list(), a -> a.name);
            assertThat(authors.get("Ursula").biography.get().text).isEqualTo("Born in Berkeley");
            assertThat(authors.get("Frank").biography.isLoaded()).isTrue();
            assertThat(authors.get("Frank").biography.find()).isEmpty(); // trashed biography
            assertThat(authors.get("Lonely").biography.find()).isEmpty(); // none at all
        }
    }

    @AllDatabases
    void manyToManySkipsTrashedTargetsAndJunctionRowsDeletedOnTheirOwn(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Map<String, Book> books = by(s.query(Book.class).with(Book_.tags, q -> q.orderBy(Tag_.name.asc())).list(),
                    b -> b.title);
            assertThat(names(books.get("The Dispossessed").tags.get())).containsExactly("classic", "sf").inOrder();
            assertThat(books.get("The Lathe of Heaven").tags.get()).isEmpty(); // its only junction row is deleted
            assertThat(names(books.get("Dune").tags.get())).containsExactly("sf"); // draft is trashed
        }
    }

    @AllDatabases
    void theOuterQuerysWithTrashedIsNotCarriedIntoItsRelations(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Map<String, Author> authors = by(s.query(Author.class).withTrashed().with(Author_.books).list(),
                    a -> a.name);
            assertThat(authors.keySet()).containsExactly("Ursula", "Frank", "Lonely", "Ghost");
            assertThat(titles(authors.get("Frank").books.get())).containsExactly("Dune");
            assertThat(authors.get("Lonely").books.get()).isEmpty();
            assertThat(titles(authors.get("Ghost").books.get())).containsExactly("Haunted");

            Map<String, Book> books = by(s.query(Book.class).withTrashed().with(Book_.author).list(), b -> b.title);
            assertThat(books.get("Haunted").author.find()).isEmpty();
        }
    }

    @AllDatabases
    void theConstraintSetsTheRelationsTrashedModeFiltersAndOrders(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Author frank = s.query(Author.class).where(Author_.name.eq("Frank"))
                    .with(Author_.books, q -> q.withTrashed().orderBy(Book_.title.desc())).one();
            assertThat(titles(frank.books.get())).containsExactly("Lost Chapter", "Dune").inOrder();
            Author onlyTrashed = s.query(Author.class).where(Author_.name.eq("Frank"))
                    .with(Author_.books, q -> q.onlyTrashed()).one();
            assertThat(titles(onlyTrashed.books.get())).containsExactly("Lost Chapter");
            Author filtered = s.query(Author.class).where(Author_.name.eq("Ursula"))
                    .with(Author_.books, q -> q.where(Book_.title.like("%Lathe%"))).one();
            assertThat(titles(filtered.books.get())).containsExactly("The Lathe of Heaven");

            Book haunted = s.query(Book.class).where(Book_.title.eq("Haunted"))
                    .with(Book_.author, q -> q.withTrashed()).one();
            assertThat(haunted.author.get().name).isEqualTo("Ghost");
            Book dune = s.query(Book.class).where(Book_.title.eq("Dune"))
                    .with(Book_.tags, q -> q.withTrashed().orderBy(Tag_.name.asc())).one();
            assertThat(names(dune.tags.get())).containsExactly("draft", "sf").inOrder();
        }
    }

    @AllDatabases
    void nestedLoadsGoThroughTheConstraintOneStatementPerLevel(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            List<String> sql = shelf.log.during(() -> {
                Map<String, Author> authors = by(s.query(Author.class)
                        .with(Author_.books, q -> q.with(Book_.tags, t -> t.orderBy(Tag_.name.asc()))
                                .with(Book_.author))
                        .list(), a -> a.name);
                Author ursula = authors.get("Ursula");
                Book dispossessed = ursula.books.get().get(0);
                assertThat(names(dispossessed.tags.get())).containsExactly("classic", "sf").inOrder();
                assertThat(dispossessed.author.get().name).isEqualTo("Ursula");
                assertThat(ursula.books.get().get(1).tags.get()).isEmpty();
            });
            assertThat(sql).hasSize(4); // authors, their books, the books' tags, the books' authors
        }
    }

    @AllDatabases
    void aLimitInsideAnEagerLoadConstraintIsRefused(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            LimberException e = assertThrows(LimberException.class,
                    () -> s.query(Author.class).with(Author_.books, q -> q.limit(3)));
            assertThat(e).hasMessageThat().contains("limit(...) inside the constraint of with(Author.books) would apply"
                    + " to the related rows of all parents together");
            assertThrows(LimberException.class, () -> s.query(Author.class).with(Author_.books, q -> q.offset(1)));
            LimberException other = assertThrows(LimberException.class,
                    () -> s.query(Author.class).with(Author_.books, q -> s.query(Book.class)));
            assertThat(other).hasMessageThat().contains("must return the query it was given");
        }
    }

    @AllDatabases
    void sessionLoadFillsModelsInHandWithOneStatement(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            List<Book> books = s.query(Book.class).orderBy(Book_.title.asc()).list();
            List<String> sql = shelf.log.during(() -> s.load(books, Book_.author));
            assertThat(sql).hasSize(1);
            assertThat(books.stream().map(b -> b.author.find().map(a -> a.name).orElse("-")).toList())
                    .containsExactly("Frank", "-", "Ursula", "Ursula").inOrder();

            List<Author> authors = s.query(Author.class).list();
            s.load(authors, Author_.books, q -> q.where(Book_.title.ne("Dune")));
            assertThat(authors.stream().filter(a -> a.name.equals("Frank")).findFirst().orElseThrow().books.get())
                    .isEmpty();
            assertThat(shelf.log.during(() -> s.load(List.<Author>of(), Author_.books))).isEmpty();
        }
    }

    @AllDatabases
    void aNullHolderOnAHandMadeModelIsSetAndARecordsIsRefused(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Author byHand = new Author("Ursula");
            byHand.id = shelf.ursula.id; // books and biography holders are null
            s.load(List.of(byHand), Author_.books);
            s.load(List.of(byHand), Author_.biography);
            assertThat(titles(byHand.books.get())).containsExactly("The Dispossessed", "The Lathe of Heaven");
            assertThat(byHand.biography.get().text).isEqualTo("Born in Berkeley");

            Publisher record = new Publisher(1L, "Ace", null, null);
            MappingException e = assertThrows(MappingException.class,
                    () -> s.load(List.of(record), Publisher_.imprints));
            assertThat(e).hasMessageThat().contains("Publisher.imprints is null in this Publisher record");
            assertThat(e).hasMessageThat().contains("Many.unloaded(\"Publisher.imprints\")");
        }
    }

    @AllDatabases
    void recordsLoadTheirRelationsAndABelongsToWithTrashedSeesATrashedTarget(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Publisher ace = s.insert(new Publisher("Ace"));
            Publisher gone = s.insert(new Publisher("Gone"));
            s.insert(new Imprint("Ace Specials", Ref.to(ace)));
            Imprint old = s.insert(new Imprint("Ace Doubles", Ref.to(ace)));
            s.insert(new Imprint("Gone Press", Ref.to(gone)));
            s.query(Imprint.class).where(Imprint_.id.eq(old.id())).update(Imprint_.deletedAt.set(Shelf.TRASHED_AT));
            s.query(Publisher.class).where(Publisher_.id.eq(gone.id())).update(Publisher_.deletedAt.set(Instant.now()));

            List<Publisher> publishers = s.query(Publisher.class).with(Publisher_.imprints).list();
            assertThat(publishers).hasSize(1);
            assertThat(publishers.get(0).imprints().get().stream().map(Imprint::name).toList())
                    .containsExactly("Ace Specials");

            Map<String, Imprint> imprints = by(s.query(Imprint.class).with(Imprint_.publisher).list(), Imprint::name);
            assertThat(imprints.get("Gone Press").publisher().get().name()).isEqualTo("Gone");
            assertThat(imprints.get("Ace Specials").publisher().get().name()).isEqualTo("Ace");
        }
    }

    @AllDatabases
    void selfReferenceLoadsParentsAndChildrenEachFilteringItsOwnRows(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Category fiction = s.insert(new Category("Fiction"));
            Category sf = child(s, "Science fiction", fiction);
            Category gone = child(s, "Gone", fiction);
            child(s, "Space opera", sf);
            s.query(Category.class).where(Category_.id.eq(gone.id)).update(Category_.deletedAt.set(Shelf.TRASHED_AT));

            Map<String, Category> all = by(s.query(Category.class).with(Category_.parent)
                    .with(Category_.children, q -> q.with(Category_.children)).list(), c -> c.name);
            assertThat(all.keySet()).containsExactly("Fiction", "Science fiction", "Space opera");
            assertThat(all.get("Fiction").parent.find()).isEmpty();
            assertThat(all.get("Space opera").parent.get().name).isEqualTo("Science fiction");
            List<Category> children = all.get("Fiction").children.get();
            assertThat(children.stream().map(c -> c.name).toList()).containsExactly("Science fiction");
            assertThat(children.get(0).children.get().get(0).name).isEqualTo("Space opera");
        }
    }

    @AllDatabases
    void anUnloadedHolderSaysHowToLoadIt(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Author ursula = s.get(Author.class, shelf.ursula.id);
            NotLoadedException many = assertThrows(NotLoadedException.class, () -> ursula.books.get());
            assertThat(many).hasMessageThat().isEqualTo("Author.books was not loaded; there is no lazy loading: load it"
                    + " with query(...).with(Author_.books) or session.load(models, Author_.books)");
            assertThat(many.relation()).isEqualTo("Author.books");
            assertThrows(NotLoadedException.class, () -> ursula.books.count());
            Book dune = s.get(Book.class, shelf.dune.id);
            NotLoadedException one = assertThrows(NotLoadedException.class, () -> dune.author.find());
            assertThat(one).hasMessageThat().contains("query(...).with(Book_.author)");
            assertThat(dune.author.id()).isEqualTo(shelf.frank.id); // the key needs no loading
            Many<Tag> tags = dune.tags;
            assertThat(tags.isLoaded()).isFalse();
        }
    }

    @AllDatabases
    void firstAndOneLoadTooAndStreamRefusesEagerLoads(TestDatabase db) {
        Shelf shelf = new Shelf(db);
        try (Engine engine = shelf.engine; Session s = shelf.open()) {
            Book first = s.query(Book.class).orderBy(Book_.title.asc()).with(Book_.author).first().orElseThrow();
            assertThat(first.author.get().name).isEqualTo("Frank");
            Biography bio = s.query(Biography.class).with(dev.limber.database.fixtures.relations.Biography_.author)
                    .one();
            assertThat(bio.author.get().name).isEqualTo("Ursula");
            LimberException e = assertThrows(LimberException.class,
                    () -> s.query(Book.class).with(Book_.author).stream());
            assertThat(e).hasMessageThat().contains("with(...) does not apply to stream()");
        }
    }

    static Category child(Session s, String name, Category parent) {
        Category c = new Category(name);
        c.parent = Ref.to(parent);
        return s.insert(c);
    }
}
