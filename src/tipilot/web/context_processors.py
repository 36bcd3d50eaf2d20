from django.conf import settings

from tipilot.territories.selectors import has_demo_data


def platform(request):
    """Values every page needs: the demo banner and the map tile settings."""
    return {
        "has_demo_data": has_demo_data(),
        "tile_url": settings.TIPILOT_TILE_URL,
        "tile_attribution": settings.TIPILOT_TILE_ATTRIBUTION,
    }
