package dev.editeval.domain.rubric;

/** The free comment; its length is counted in characters (Unicode code points). */
public record CommentSpec(int maxLength) {
}
