package com.example;

import dev.limber.database.query.Property;
import javax.annotation.processing.Generated;

/**
 * Typed columns of {@link InventoryItem}, for queries; generated from com.example.InventoryItem.
 */
@Generated("dev.limber.database.processor.ModelProcessor")
public final class InventoryItem_ {
    public static final Property<InventoryItem, Long> id = Property.of(InventoryItem.class, "id", "id", Long.class);

    public static final Property<InventoryItem, String> title = Property.of(InventoryItem.class, "title", "title", String.class);

    public static final Property<InventoryItem, Integer> pages = Property.of(InventoryItem.class, "pages", "pages", Integer.class);

    public static final Property<InventoryItem, String> isbn = Property.of(InventoryItem.class, "isbn", "isbn", String.class);

    private InventoryItem_() {
    }
}
