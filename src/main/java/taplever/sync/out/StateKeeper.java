package taplever.sync.out;

import java.util.Optional;
import java.util.function.UnaryOperator;
import taplever.singer.Bookmark;
import taplever.singer.TapState;

/**
 * The run's state: an immutable {@link TapState} replaced as bookmarks move, written whole
 * through {@link Output} only when the engine says the records it covers are out. Used from the
 * walking thread only.
 */
public final class StateKeeper {
  private final Output out;
  private TapState state;

  public StateKeeper(Output out, TapState initial) {
    this.out = out;
    this.state = initial;
  }

  public TapState state() {
    return state;
  }

  public Bookmark bookmark(String stream) {
    return state.bookmark(stream);
  }

  public void update(String stream, UnaryOperator<Bookmark> change) {
    state = state.with(stream, change.apply(state.bookmark(stream)));
  }

  public void syncing(Optional<String> stream) {
    state = state.syncing(stream);
  }

  /** Writes the whole state; everything written before it is out. */
  public void emit() {
    out.state(state);
  }
}
