import {
  WrappedEngine,
  type Answer,
  type AnswerType,
  type Connector,
  type Engine,
  type QueryOptions,
  type QueryRequest,
} from './types';

/** `inner` with `signal` attached to every statement that has none of its own. */
class SignalEngine extends WrappedEngine {
  constructor(
    inner: Connector,
    private readonly signal: AbortSignal,
  ) {
    super(inner);
  }

  override query<T extends AnswerType>(request: QueryRequest<T>, o?: QueryOptions): Promise<Answer<T>> {
    return this.inner.query(request, { ...o, signal: o?.signal ?? this.signal });
  }
}

/**
 * The same engine with `signal` attached to every statement: an analysis written against the
 * plain Engine interface becomes cancellable as a whole (its statements not yet run are dropped,
 * the running one is interrupted) without knowing about it.
 */
export function withSignal(engine: Connector, signal: AbortSignal): Engine {
  return new SignalEngine(engine, signal);
}
