package dev.limber.it.models;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;

/** A plain model: no soft delete, no version; deletes are real DELETEs. */
@Model
public class Note {
    @Column(primaryKey = true) public Long id;
    @Column(nullable = false) public String text;
    @Column public int stars;

    public Note() {
    }

    public Note(String text, int stars) {
        this.text = text;
        this.stars = stars;
    }
}
