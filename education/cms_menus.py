"""The page menu, cut to what the portal shows, so building it does not grow with the page count.

django CMS's menu holds a node for every page, and every render unpickles the cached list and runs
the menu modifiers over all of it: with the guide at 500 pages per language that was most of an
uncached render. The portal's navigation and pathway show only top-level pages, and templates look
pages up by reverse id (url_for_page): the menu keeps exactly those, a deeper page with a reverse id
as a hidden top-level node. The node list is built from every page once per change, as before;
what each render reads is only the short list.
"""

import cms.cms_menus  # noqa: F401 - registers CMSMenu first, so it can be replaced here
from cms.cms_menus import CMSMenu
from menus.menu_pool import menu_pool


class GuideMenu(CMSMenu):
    def get_nodes(self, request):
        kept = []
        for node in super().get_nodes(request):
            if node.parent_id is None:
                kept.append(node)
            elif node.attr.get("reverse_id"):
                node.parent_id = None
                node.visible = False
                kept.append(node)
        return kept


# Under django CMS's own name: the menu's namespace, cache keys and modifiers stay the same.
menu_pool.menus["CMSMenu"] = GuideMenu
