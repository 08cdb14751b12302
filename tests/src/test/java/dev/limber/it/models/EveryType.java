package dev.limber.it.models;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A column of every supported type, primitive and boxed; the boxes are all nullable. */
@Model(table = "every_type")
public class EveryType {
    /** Stored by name. */
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
    @Column(length = 100) public String text;
    @Column(precision = 12, scale = 4) public BigDecimal price;
    @Column public byte[] payload;
    @Column public UUID uuid;
    @Column(length = 20) public Status status;
    @Column public LocalDate day;
    @Column public LocalTime time;
    @Column public LocalDateTime localDateTime;
    @Column public Instant instant;
    @Column public OffsetDateTime offsetDateTime;
}
