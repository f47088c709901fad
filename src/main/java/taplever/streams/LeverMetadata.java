package taplever.streams;

/**
 * The names Lever uses inside its own metadata, where a value's type is given next to the value
 * instead of in the schema. The schemas point at such values with {@code "x-lever-value"}; the
 * engine reads these names from here, so every Lever field name stays with the declarations.
 */
public final class LeverMetadata {
  private LeverMetadata() {}

  /** A form field's type: {@code {"type": "date", "value": 1700000000000}} (reference §7.20). */
  public static final String FIELD_TYPE = "type";

  /** The answer of a form field, or the value of an offer field (§7.20, §7.2.2). */
  public static final String VALUE = "value";

  /** What an offer field's {@code identifier} is named by default (§7.2.2). */
  public static final String IDENTIFIER = "identifier";

  /** The type a form field or a requisition field has when its value is epoch milliseconds. */
  public static final String DATE = "date";

  /** The type of a requisition field whose value holds {@link #SUBFIELDS} (§7.7). */
  public static final String OBJECT = "object";

  /** The definitions of an object requisition field's members, keyed like the field's (§7.7). */
  public static final String SUBFIELDS = "subfields";
}
