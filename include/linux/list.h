/*
 * <linux/list.h>: circular doubly linked lists threaded through the
 * structures they link (struct list_head inside each). A head is a
 * list_head that belongs to no entry; an empty list's head points to
 * itself. Inline: nothing to export.
 */
#ifndef _LINUX_LIST_H
#define _LINUX_LIST_H

#include <stdbool.h>
#include <linux/container_of.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name)	{ &(name), &(name) }
#define LIST_HEAD(name)		struct list_head name = LIST_HEAD_INIT(name)

static inline void INIT_LIST_HEAD(struct list_head *list)
{
	list->next = list;
	list->prev = list;
}

/* Links item between the neighbours prev and next. */
static inline void __list_link(struct list_head *item, struct list_head *prev,
			       struct list_head *next)
{
	next->prev = item;
	item->next = next;
	item->prev = prev;
	prev->next = item;
}

/* Adds item right after head (a stack). */
static inline void list_add(struct list_head *item, struct list_head *head)
{
	__list_link(item, head, head->next);
}

/* Adds item right before head: at the end (a queue). */
static inline void list_add_tail(struct list_head *item, struct list_head *head)
{
	__list_link(item, head->prev, head);
}

/* Unlinks entry; its pointers are poisoned with NULL. */
static inline void list_del(struct list_head *entry)
{
	entry->prev->next = entry->next;
	entry->next->prev = entry->prev;
	entry->next = NULL;
	entry->prev = NULL;
}

/* Unlinks entry and makes it an empty list of its own. */
static inline void list_del_init(struct list_head *entry)
{
	entry->prev->next = entry->next;
	entry->next->prev = entry->prev;
	INIT_LIST_HEAD(entry);
}

static inline bool list_empty(const struct list_head *head)
{
	return head->next == head;
}

/* The structure of type that holds the list_head ptr as its member. */
#define list_entry(ptr, type, member)	container_of(ptr, type, member)
#define list_first_entry(head, type, member) \
	list_entry((head)->next, type, member)
#define list_next_entry(pos, member) \
	list_entry((pos)->member.next, __typeof__(*(pos)), member)

#define list_for_each(pos, head) \
	for (pos = (head)->next; pos != (head); pos = pos->next)

/* Walks the entries of type typeof(*pos) linked through member. */
#define list_for_each_entry(pos, head, member)				\
	for (pos = list_first_entry(head, __typeof__(*pos), member);	\
	     &pos->member != (head);					\
	     pos = list_next_entry(pos, member))

/* As list_for_each_entry, and pos may be unlinked (and freed) in the body:
 * n holds the next one. */
#define list_for_each_entry_safe(pos, n, head, member)			\
	for (pos = list_first_entry(head, __typeof__(*pos), member),	\
	     n = list_next_entry(pos, member);				\
	     &pos->member != (head);					\
	     pos = n, n = list_next_entry(n, member))

#endif
