package dev.limber.database.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a derived method name against a model's {@link PropertyCatalog}. Property names are
 * matched longest first, and a shorter match is tried only when the longer one leaves a name
 * that cannot be read, so a property {@code invoiceNumber} never splits at {@code In} and a
 * property {@code orderNumber} never splits at {@code Or}.
 *
 * <pre>
 * name      := action subject? ("By" predicate? orders?)?
 * subject   := "All" | "First" digits? | "Top" digits?        (digits only for find)
 * predicate := criterion (("And" | "Or") criterion)*        (And binds tighter)
 * criterion := property keyword?
 * orders    := "OrderBy" (property ("Asc" | "Desc")?)+       (a direction between properties)
 * </pre>
 */
final class MethodNameParser {

    /** Condition keywords, longest first so that {@code IsNotNull} wins over {@code IsNot}. */
    private static final List<Map.Entry<String, DerivedQuery.Operator>> KEYWORDS;

    static {
        List<Map.Entry<String, DerivedQuery.Operator>> keywords = new ArrayList<>(List.of(
                Map.entry("IsNotNull", DerivedQuery.Operator.IS_NOT_NULL),
                Map.entry("NotNull", DerivedQuery.Operator.IS_NOT_NULL),
                Map.entry("IsNull", DerivedQuery.Operator.IS_NULL),
                Map.entry("Null", DerivedQuery.Operator.IS_NULL),
                Map.entry("IsTrue", DerivedQuery.Operator.TRUE),
                Map.entry("True", DerivedQuery.Operator.TRUE),
                Map.entry("IsFalse", DerivedQuery.Operator.FALSE),
                Map.entry("False", DerivedQuery.Operator.FALSE),
                Map.entry("IsLessThanEqual", DerivedQuery.Operator.LE),
                Map.entry("LessThanEqual", DerivedQuery.Operator.LE),
                Map.entry("IsLessThan", DerivedQuery.Operator.LT),
                Map.entry("LessThan", DerivedQuery.Operator.LT),
                Map.entry("IsGreaterThanEqual", DerivedQuery.Operator.GE),
                Map.entry("GreaterThanEqual", DerivedQuery.Operator.GE),
                Map.entry("IsGreaterThan", DerivedQuery.Operator.GT),
                Map.entry("GreaterThan", DerivedQuery.Operator.GT),
                Map.entry("IsBetween", DerivedQuery.Operator.BETWEEN),
                Map.entry("Between", DerivedQuery.Operator.BETWEEN),
                Map.entry("IsNotLike", DerivedQuery.Operator.NOT_LIKE),
                Map.entry("NotLike", DerivedQuery.Operator.NOT_LIKE),
                Map.entry("IsLike", DerivedQuery.Operator.LIKE),
                Map.entry("Like", DerivedQuery.Operator.LIKE),
                Map.entry("IsNotIn", DerivedQuery.Operator.NOT_IN),
                Map.entry("NotIn", DerivedQuery.Operator.NOT_IN),
                Map.entry("IsIn", DerivedQuery.Operator.IN),
                Map.entry("In", DerivedQuery.Operator.IN),
                Map.entry("IsNot", DerivedQuery.Operator.NE),
                Map.entry("Not", DerivedQuery.Operator.NE),
                Map.entry("Equals", DerivedQuery.Operator.EQ),
                Map.entry("Is", DerivedQuery.Operator.EQ)));
        keywords.sort((a, b) -> b.getKey().length() - a.getKey().length());
        KEYWORDS = List.copyOf(keywords);
    }

    private static final Pattern SUBJECT = Pattern.compile("(All)?|First(\\d*)|Top(\\d*)");

    /** A name read in full, or why not: a message and its arguments after the method. */
    record Result(DerivedQuery query, Message message, List<Object> arguments) {
        static Result ok(DerivedQuery query) {
            return new Result(query, null, List.of());
        }

        static Result error(Message message, Object... arguments) {
            return new Result(null, message, List.of(arguments));
        }
    }

    private final PropertyCatalog properties;
    private final String modelName;
    private String name;
    /** Where reading got furthest, and whether a property was expected there. */
    private int failedAt;
    private boolean failedOnProperty;
    /** The furthest position where a property name was read. */
    private int lastProperty;

    MethodNameParser(PropertyCatalog properties, String modelName) {
        this.properties = properties;
        this.modelName = modelName;
    }

    Result parse(String method) {
        DerivedQuery.Action action = null;
        for (DerivedQuery.Action candidate : DerivedQuery.Action.values()) {
            if (method.startsWith(candidate.prefix)
                    && (action == null || candidate.prefix.length() > action.prefix.length())) {
                action = candidate;
            }
        }
        String rest = action == null ? "" : method.substring(action.prefix.length());
        if (action == null || (!rest.isEmpty() && !Character.isUpperCase(rest.charAt(0)))) {
            return Result.error(Message.REPOSITORY_METHOD_NOT_DERIVED);
        }
        int by = byPosition(rest);
        String subject = by < 0 ? rest : rest.substring(0, by);
        Matcher matcher = SUBJECT.matcher(subject);
        if (!matcher.matches()) {
            return Result.error(Message.REPOSITORY_METHOD_SUBJECT, subject);
        }
        int limit = 0;
        if (matcher.group(2) != null || matcher.group(3) != null) {
            String digits = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
            if (action != DerivedQuery.Action.FIND) {
                return Result.error(Message.REPOSITORY_LIMIT_NOT_FIND, subject, action.prefix, subject);
            }
            limit = digits.isEmpty() ? 1 : parseLimit(digits);
            if (limit < 1) {
                return Result.error(Message.REPOSITORY_METHOD_SUBJECT, subject);
            }
        }
        if (by < 0) {
            return Result.ok(new DerivedQuery(action, limit, List.of(), List.of()));
        }
        this.name = rest.substring(by + 2);
        this.failedAt = -1;
        this.lastProperty = -1;
        List<List<DerivedQuery.Criterion>> predicate = new ArrayList<>();
        List<DerivedQuery.Ordering> orders = new ArrayList<>();
        boolean read;
        if (name.isEmpty()) {
            return Result.error(Message.REPOSITORY_METHOD_EMPTY_BY, action.prefix + subject, action.prefix + subject);
        } else if (name.startsWith("OrderBy")) {
            read = orders(7, orders);
        } else {
            predicate.add(new ArrayList<>());
            read = criterion(0, predicate, orders);
        }
        if (!read) {
            return failure();
        }
        List<List<DerivedQuery.Criterion>> groups = new ArrayList<>();
        for (List<DerivedQuery.Criterion> group : predicate) {
            groups.add(List.copyOf(group));
        }
        return Result.ok(new DerivedQuery(action, limit, List.copyOf(groups), List.copyOf(orders)));
    }

    /** Where the {@code By} that ends the subject starts, or -1. */
    private static int byPosition(String rest) {
        for (int i = rest.indexOf("By"); i >= 0; i = rest.indexOf("By", i + 1)) {
            boolean boundary = i + 2 == rest.length() || Character.isUpperCase(rest.charAt(i + 2));
            if (boundary) {
                return i;
            }
        }
        return -1;
    }

    private static int parseLimit(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Reads a criterion at {@code at} and everything after it; backtracks over shorter property names. */
    private boolean criterion(int at, List<List<DerivedQuery.Criterion>> predicate, List<DerivedQuery.Ordering> orders) {
        List<PropertyCatalog.Entry> candidates = propertiesAt(at);
        if (!candidates.isEmpty()) {
            lastProperty = Math.max(lastProperty, at);
        }
        for (PropertyCatalog.Entry property : candidates) {
            int afterProperty = at + property.name().length();
            for (Map.Entry<String, DerivedQuery.Operator> keyword : keywordsAt(afterProperty)) {
                int next = afterProperty + keyword.getKey().length();
                List<DerivedQuery.Criterion> group = predicate.get(predicate.size() - 1);
                group.add(new DerivedQuery.Criterion(property, keyword.getValue(), keyword.getKey()));
                if (afterCriterion(next, predicate, orders)) {
                    return true;
                }
                group.remove(group.size() - 1);
            }
        }
        if (candidates.isEmpty()) {
            fail(at, true);
        }
        return false;
    }

    /** The properties (not to-many relations) whose names the method name holds at {@code at}, longest first. */
    private List<PropertyCatalog.Entry> propertiesAt(int at) {
        List<PropertyCatalog.Entry> found = new ArrayList<>();
        for (PropertyCatalog.Entry property : properties.longestFirst()) {
            if (property.kind() != PropertyCatalog.Kind.TO_MANY && name.startsWith(Names.capitalize(property.name()), at)) {
                found.add(property);
            }
        }
        return found;
    }

    /** The keywords that can follow a property at {@code at}, longest first, then the implicit equals. */
    private List<Map.Entry<String, DerivedQuery.Operator>> keywordsAt(int at) {
        List<Map.Entry<String, DerivedQuery.Operator>> found = new ArrayList<>();
        for (Map.Entry<String, DerivedQuery.Operator> keyword : KEYWORDS) {
            if (name.startsWith(keyword.getKey(), at)) {
                found.add(keyword);
            }
        }
        found.add(Map.entry("", DerivedQuery.Operator.EQ));
        return found;
    }

    private boolean afterCriterion(int at, List<List<DerivedQuery.Criterion>> predicate,
            List<DerivedQuery.Ordering> orders) {
        if (at == name.length()) {
            return true;
        }
        if (name.startsWith("OrderBy", at)) {
            int before = orders.size();
            if (orders(at + 7, orders)) {
                return true;
            }
            orders.subList(before, orders.size()).clear();
        }
        if (name.startsWith("And", at)) {
            return criterion(at + 3, predicate, orders);
        }
        if (name.startsWith("Or", at)) {
            predicate.add(new ArrayList<>());
            if (criterion(at + 2, predicate, orders)) {
                return true;
            }
            predicate.remove(predicate.size() - 1);
            return false;
        }
        fail(at, false);
        return false;
    }

    /** Reads {@code (property (Asc|Desc)?)+} from {@code at} to the end of the name. */
    private boolean orders(int at, List<DerivedQuery.Ordering> orders) {
        if (at == name.length()) {
            fail(at, true);
            return false;
        }
        List<PropertyCatalog.Entry> candidates = propertiesAt(at);
        for (PropertyCatalog.Entry property : candidates) {
            int next = at + property.name().length();
            for (String direction : List.of("Desc", "Asc", "")) {
                if (!name.startsWith(direction, next)) {
                    continue;
                }
                int end = next + direction.length();
                orders.add(new DerivedQuery.Ordering(property, !direction.equals("Desc")));
                if (end == name.length() || (!direction.isEmpty() && orders(end, orders))) {
                    return true;
                }
                orders.remove(orders.size() - 1);
                if (direction.isEmpty()) {
                    fail(end, false);   // another property follows without a direction between them
                }
            }
        }
        if (candidates.isEmpty()) {
            fail(at, true);
        }
        return false;
    }

    private void fail(int at, boolean onProperty) {
        if (at > failedAt || (at == failedAt && onProperty)) {
            failedAt = at;
            failedOnProperty = onProperty;
        }
    }

    private Result failure() {
        String read = name.substring(0, failedAt);
        String unread = name.substring(failedAt);
        if (!failedOnProperty) {
            // "AuthorNmae": a property (author) read, then nothing could follow; perhaps a longer one was meant.
            if (lastProperty >= 0 && lastProperty <= failedAt) {
                String word = Names.decapitalize(unknownWord(name.substring(lastProperty)));
                String closest = Names.closest(word, properties.usableNames());
                if (closest != null && properties.get(word) == null) {
                    return Result.error(Message.REPOSITORY_UNKNOWN_PROPERTY, word, modelName,
                            "; did you mean '" + closest + "'?", String.join(", ", properties.columnNames()));
                }
            }
            return Result.error(Message.REPOSITORY_METHOD_UNREADABLE, unread, read.isEmpty() ? "By" : read);
        }
        String word = unknownWord(unread);
        String property = Names.decapitalize(word);
        PropertyCatalog.Entry toMany = properties.get(property);
        for (PropertyCatalog.Entry entry : properties.longestFirst()) {
            if (entry.kind() == PropertyCatalog.Kind.TO_MANY && unread.startsWith(Names.capitalize(entry.name()))) {
                toMany = entry;
            }
        }
        if (toMany != null && toMany.kind() == PropertyCatalog.Kind.TO_MANY) {
            return Result.error(Message.REPOSITORY_TO_MANY_PATH, toMany.name(), modelName);
        }
        String closest = Names.closest(property, properties.usableNames());
        return Result.error(Message.REPOSITORY_UNKNOWN_PROPERTY, property.isEmpty() ? unread : property, modelName,
                closest == null ? "" : "; did you mean '" + closest + "'?",
                String.join(", ", properties.columnNames()));
    }

    /**
     * The word that names no property: up to the next {@code And}, {@code Or} or {@code OrderBy}
     * at a word boundary, without a trailing condition keyword ({@code TitelLike} → {@code Titel}).
     */
    private static String unknownWord(String unread) {
        int end = unread.length();
        int orderBy = unread.indexOf("OrderBy", 1);
        if (orderBy > 0) {
            end = orderBy;
        }
        for (String joint : List.of("And", "Or")) {
            for (int i = unread.indexOf(joint, 1); i > 0; i = unread.indexOf(joint, i + 1)) {
                int after = i + joint.length();
                if (after < unread.length() && Character.isUpperCase(unread.charAt(after)) && i < end) {
                    end = i;
                    break;
                }
            }
        }
        String word = unread.substring(0, end);
        for (String direction : List.of("Desc", "Asc")) {
            if (word.endsWith(direction) && word.length() > direction.length()) {
                return word.substring(0, word.length() - direction.length());
            }
        }
        for (Map.Entry<String, DerivedQuery.Operator> keyword : KEYWORDS) {
            if (word.endsWith(keyword.getKey()) && word.length() > keyword.getKey().length()) {
                return word.substring(0, word.length() - keyword.getKey().length());
            }
        }
        return word;
    }
}
