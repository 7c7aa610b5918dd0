"""List pages: ``{"data": [...], "pagination": {limit, hasMore, nextCursor, totalCount, page}}``.

A page behaves like a list of its items (``len``, iteration, indexing) and knows how to fetch the next
one: ``page.next_page()`` and ``page.auto_paging_iter()`` (async: ``await page.next_page()`` and
``async for item in page.auto_paging_iter()``) follow ``nextCursor`` until ``hasMore`` is false.
"""
from __future__ import annotations

import dataclasses
from typing import Any, AsyncIterator, Callable, Generic, Iterator, List, Optional, TypeVar

T = TypeVar("T")


class _PageBase(Generic[T]):
    def __init__(self, data: List[T], pagination: dict, next_call: Optional[Callable[[str], Any]], runner: Callable):
        self.data: List[T] = data
        p = pagination or {}
        self.limit: Optional[int] = p.get("limit")
        self.has_more: bool = bool(p.get("hasMore"))
        self.next_cursor: Optional[str] = p.get("nextCursor")
        self.total_count: Optional[int] = p.get("totalCount")
        self.page: Optional[int] = p.get("page")
        self._next_call = next_call
        self._runner = runner

    def __iter__(self) -> Iterator[T]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)

    def __getitem__(self, index):
        if isinstance(index, str):  # page["data"], page["pagination"] — the JSON's own keys
            if index == "data":
                return self.data
            if index == "pagination":
                return {"limit": self.limit, "hasMore": self.has_more, "nextCursor": self.next_cursor,
                        "totalCount": self.total_count, "page": self.page}
            raise KeyError(index)
        return self.data[index]

    def __bool__(self) -> bool:
        return bool(self.data)

    def __repr__(self) -> str:
        return f"{type(self).__name__}(items={len(self.data)}, has_more={self.has_more}, total_count={self.total_count})"

    def _next(self):
        if not self.has_more or self._next_call is None:
            return None
        return self._next_call(self.next_cursor, self.page)


class Page(_PageBase[T]):
    def next_page(self) -> Optional["Page[T]"]:
        c = self._next()
        return None if c is None else self._runner(c)

    def auto_paging_iter(self) -> Iterator[T]:
        page: Optional[Page[T]] = self
        while page is not None:
            yield from page.data
            page = page.next_page()


class AsyncPage(_PageBase[T]):
    async def next_page(self) -> Optional["AsyncPage[T]"]:
        c = self._next()
        return None if c is None else await self._runner(c)

    async def auto_paging_iter(self) -> AsyncIterator[T]:
        page: Optional[AsyncPage[T]] = self
        while page is not None:
            for item in page.data:
                yield item
            page = await page.next_page()


def list_call(client: Any, call_factory: Callable[[Optional[str], Optional[int]], Any], model: Any,
              cursor: Optional[str] = None, page: Optional[int] = None):
    """A Call for a list route whose parse builds the client's page type; ``call_factory(cursor, page)``
    makes the Call of any page (the next one continues by cursor, or by page number when paging by page)."""

    def make(cursor: Optional[str], page: Optional[int]):
        c = call_factory(cursor, page)

        def parse(data: Any):
            items = [model.from_dict(x) if isinstance(x, dict) else x for x in (data or {}).get("data", [])]
            pagination = (data or {}).get("pagination") or {}

            def following(next_cursor: Optional[str], current_page: Optional[int]):
                if current_page is not None and not next_cursor:
                    return make(None, current_page + 1)
                return make(next_cursor, None)

            return client._page_class(items, pagination, following, client._run)

        return dataclasses.replace(c, parse=parse)

    return make(cursor, page)
