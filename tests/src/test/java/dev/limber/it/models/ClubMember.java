package dev.limber.it.models;

import dev.limber.database.models.Column;
import dev.limber.database.models.Model;
import dev.limber.database.models.Unique;

/**
 * A club member for {@code @Column(ignoreCase = true)}: a unique e-mail address, a per-club handle
 * and a city that ignore ASCII case; a unique nickname and the club that do not.
 */
@Model(table = "club_members")
@Unique(columns = {"club", "handle"})
public class ClubMember {
    @Column(primaryKey = true) public Long id;
    @Column(unique = true, ignoreCase = true, length = 40) public String email;
    @Column(unique = true, length = 40) public String nickname;
    @Column(ignoreCase = true, length = 40) public String city;
    @Column(length = 20) public String club;
    @Column(ignoreCase = true, length = 20) public String handle;

    public ClubMember() {
    }

    public ClubMember(String email, String nickname, String city, String club, String handle) {
        this.email = email;
        this.nickname = nickname;
        this.city = city;
        this.club = club;
        this.handle = handle;
    }
}
