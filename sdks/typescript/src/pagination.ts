import type { Pagination } from './models.gen.js';

/** A list answer `{data, pagination}` (sdks/README.md §5) with a way to the next page. */
export class Page<T> implements Iterable<T> {
  readonly data: T[];
  readonly pagination: Pagination;
  readonly hasMore: boolean;
  readonly nextCursor?: string;
  readonly totalCount?: number;
  readonly limit?: number;

  constructor(body: { data?: T[]; pagination?: Pagination } | T[], private readonly fetchNext: (cursor: string) => Promise<Page<T>>) {
    const b = Array.isArray(body) ? { data: body } : body;
    this.data = b.data ?? [];
    this.pagination = b.pagination ?? {};
    this.hasMore = Boolean(this.pagination.hasMore && this.pagination.nextCursor);
    this.nextCursor = this.pagination.nextCursor;
    this.totalCount = this.pagination.totalCount;
    this.limit = this.pagination.limit;
  }

  get length(): number { return this.data.length; }
  [Symbol.iterator](): Iterator<T> { return this.data[Symbol.iterator](); }

  /** The following page, or null on the last one. */
  async nextPage(): Promise<Page<T> | null> {
    return this.hasMore && this.nextCursor ? this.fetchNext(this.nextCursor) : null;
  }
}

/**
 * What a list method returns: await it for the first page, or `for await` over it for every item
 * across pages (by cursor, so rows inserted meanwhile neither repeat nor go missing).
 */
export class PagePromise<T> implements PromiseLike<Page<T>>, AsyncIterable<T> {
  private promise?: Promise<Page<T>>;
  constructor(private readonly load: () => Promise<Page<T>>) {}

  private first(): Promise<Page<T>> { return (this.promise ??= this.load()); }

  then<R1 = Page<T>, R2 = never>(onfulfilled?: ((value: Page<T>) => R1 | PromiseLike<R1>) | null,
                                 onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null): Promise<R1 | R2> {
    return this.first().then(onfulfilled, onrejected);
  }
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<Page<T> | R> {
    return this.first().catch(onrejected);
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    let page: Page<T> | null = await this.first();
    while (page) {
      yield* page.data;
      page = await page.nextPage();
    }
  }

  /** Every item of every page, in order. */
  async toArray(): Promise<T[]> {
    const all: T[] = [];
    for await (const item of this) all.push(item);
    return all;
  }
}
