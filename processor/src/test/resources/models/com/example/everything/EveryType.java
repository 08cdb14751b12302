package com.example.everything;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import dev.limber.database.models.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A model with a column of every supported type, primitive and boxed; generated code for it must compile cleanly. */
@Model(table = "every_type", softDelete = true)
public class EveryType {
    /** How the {@code status} column is stored: by name. */
    public enum Status { DRAFT, PUBLISHED, ARCHIVED }

    @Column(primaryKey = true) public Long id;
    @Column public boolean flag;
    @Column public Boolean boxedFlag;
    @Column public byte tiny;
    @Column public Byte boxedTiny;
    @Column public short small;
    @Column public Short boxedSmall;
    @Column public int count;
    @Column public Integer boxedCount;
    @Column public long big;
    @Column public Long boxedBig;
    @Column public float ratio;
    @Column public Float boxedRatio;
    @Column public double amount;
    @Column public Double boxedAmount;
    @Column(length = 100, unique = true) public String code;
    @Column(nullable = false) public String title;
    @Column(precision = 12, scale = 4) public BigDecimal price;
    @Column public byte[] payload;
    @Column public UUID uuid;
    @Column(length = 20) public Status status;
    @Column public LocalDate day;
    @Column public LocalTime time;
    @Column public LocalDateTime localDateTime;
    @Column public Instant instant;
    @Column public OffsetDateTime offsetDateTime;
    @Column public Instant deletedAt;
    @Version @Column public long version;
    @Column(name = "private_note") private String note;

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
