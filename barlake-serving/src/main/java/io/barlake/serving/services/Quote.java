package io.barlake.serving.services;

import java.time.Instant;
import java.time.LocalDate;

/** One price: the close of {@code session} at {@code asOf}, from {@code source} ({@code polygon} or {@code lake}). */
public record Quote(String symbol, double price, LocalDate session, Instant asOf, String source) {}
