package com.example.library;

import dev.limber.database.query.ForeignKey;
import dev.limber.database.query.Property;
import dev.limber.database.query.ToOne;
import javax.annotation.processing.Generated;

/**
 * Typed columns of {@link Biography}, for queries; generated from com.example.library.Biography.
 */
@Generated("dev.limber.database.processor.ModelProcessor")
public final class Biography_ {
    public static final Property<Biography, Long> id = Property.of(Biography.class, "id", "id", Long.class);

    public static final ForeignKey<Biography, Author, Long> author = ToOne.belongsTo(Biography.class, "author", Author.class,
            Property.of(Biography.class, "author", "author_id", Long.class), false,
            m -> m.getAuthor(), (m, h) -> m.setAuthor(h));

    public static final Property<Biography, String> text = Property.of(Biography.class, "text", "text", String.class);

    private Biography_() {
    }
}
