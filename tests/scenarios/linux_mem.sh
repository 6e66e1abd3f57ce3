# lx_mem: kmem_cache with a constructor, kcalloc, krealloc, kstrdup, vzalloc, __get_free_pages, kstrto*, scnprintf, IS_ERR: every result printed; nothing left after rmmod
memdiff save
insmod /extra/lx_mem.ko
rmmod lx_mem
memdiff
