import {
  Engine,
  type Answer,
  type AnswerType,
  type Connector,
  type EngineFiles,
  type EngineTraits,
  type QueryOptions,
  type QueryRequest,
} from './types';

/** `inner` with `signal` attached to every statement that has none of its own. */
class SignalEngine extends Engine {
  private readonly inner: Connector;
  private readonly signal: AbortSignal;

  constructor(inner: Connector, signal: AbortSignal) {
    super();
    this.inner = inner;
    this.signal = signal;
  }

  get traits(): EngineTraits {
    return this.inner.traits;
  }
  get files(): EngineFiles {
    return this.inner.files;
  }
  query<T extends AnswerType>(request: QueryRequest<T>, o?: QueryOptions): Promise<Answer<T>> {
    return this.inner.query(request, { ...o, signal: o?.signal ?? this.signal });
  }
  cancel(): Promise<void> {
    return this.inner.cancel();
  }
  close(): Promise<void> {
    return this.inner.close();
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
