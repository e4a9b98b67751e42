/*
 * Rectangle helpers (SetRect, IntersectRect, UnionRect, SubtractRect & co.).
 */
#define WINE_NO_INLINE_RECT /* this file defines them */
#include "user_private.h"
#include "wine/debug.h"

WINE_DEFAULT_DEBUG_CHANNEL(rect);

/***********************************************************************
 *      SetRect (USER32.@)
 */
BOOL WINAPI SetRect( RECT *rect, INT left, INT top, INT right, INT bottom )
{
    TRACE( "%p %d %d %d %d\n", rect, left, top, right, bottom );
    if (!rect) return FALSE;
    rect->left = left;
    rect->top = top;
    rect->right = right;
    rect->bottom = bottom;
    return TRUE;
}

/***********************************************************************
 *      SetRectEmpty (USER32.@)
 */
BOOL WINAPI SetRectEmpty( RECT *rect )
{
    TRACE( "%p\n", rect );
    return SetRect( rect, 0, 0, 0, 0 );
}

/***********************************************************************
 *      CopyRect (USER32.@)
 */
BOOL WINAPI CopyRect( RECT *dst, const RECT *src )
{
    TRACE( "%p %p\n", dst, src );
    if (!dst || !src) return FALSE;
    *dst = *src;
    return TRUE;
}

/***********************************************************************
 *      IsRectEmpty (USER32.@)
 */
BOOL WINAPI IsRectEmpty( const RECT *rect )
{
    TRACE( "%p\n", rect );
    return !rect || rect->left >= rect->right || rect->top >= rect->bottom;
}

/***********************************************************************
 *      EqualRect (USER32.@)
 */
BOOL WINAPI EqualRect( const RECT *a, const RECT *b )
{
    TRACE( "%p %p\n", a, b );
    if (!a || !b) return FALSE;
    return a->left == b->left && a->right == b->right && a->top == b->top && a->bottom == b->bottom;
}

/***********************************************************************
 *      PtInRect (USER32.@)
 */
BOOL WINAPI PtInRect( const RECT *rect, POINT pt )
{
    TRACE( "%p (%ld,%ld)\n", rect, pt.x, pt.y );
    return rect && pt.x >= rect->left && pt.x < rect->right && pt.y >= rect->top && pt.y < rect->bottom;
}

/***********************************************************************
 *      OffsetRect (USER32.@)
 */
BOOL WINAPI OffsetRect( RECT *rect, INT x, INT y )
{
    TRACE( "%p %d %d\n", rect, x, y );
    if (!rect) return FALSE;
    rect->left += x;
    rect->right += x;
    rect->top += y;
    rect->bottom += y;
    return TRUE;
}

/***********************************************************************
 *      InflateRect (USER32.@)
 */
BOOL WINAPI InflateRect( RECT *rect, INT x, INT y )
{
    TRACE( "%p %d %d\n", rect, x, y );
    if (!rect) return FALSE;
    rect->left -= x;
    rect->top -= y;
    rect->right += x;
    rect->bottom += y;
    return TRUE;
}

/***********************************************************************
 *      IntersectRect (USER32.@)
 */
BOOL WINAPI IntersectRect( RECT *dst, const RECT *a, const RECT *b )
{
    TRACE( "%p %p %p\n", dst, a, b );
    if (!dst || !a || !b) return FALSE;
    if (IsRectEmpty( a ) || IsRectEmpty( b ) || a->left >= b->right || b->left >= a->right ||
        a->top >= b->bottom || b->top >= a->bottom)
    {
        SetRectEmpty( dst );
        return FALSE;
    }
    dst->left = max( a->left, b->left );
    dst->right = min( a->right, b->right );
    dst->top = max( a->top, b->top );
    dst->bottom = min( a->bottom, b->bottom );
    return TRUE;
}

/***********************************************************************
 *      UnionRect (USER32.@)
 */
BOOL WINAPI UnionRect( RECT *dst, const RECT *a, const RECT *b )
{
    TRACE( "%p %p %p\n", dst, a, b );
    if (!dst || !a || !b) return FALSE;
    if (IsRectEmpty( a ))
    {
        if (IsRectEmpty( b ))
        {
            SetRectEmpty( dst );
            return FALSE;
        }
        *dst = *b;
        return TRUE;
    }
    if (IsRectEmpty( b ))
    {
        *dst = *a;
        return TRUE;
    }
    dst->left = min( a->left, b->left );
    dst->right = max( a->right, b->right );
    dst->top = min( a->top, b->top );
    dst->bottom = max( a->bottom, b->bottom );
    return TRUE;
}

/***********************************************************************
 *      SubtractRect (USER32.@)
 *
 * MSDN: the result is a rectangle only when b covers a whole side strip of a; otherwise a
 * is returned unchanged.
 */
BOOL WINAPI SubtractRect( RECT *dst, const RECT *a, const RECT *b )
{
    RECT tmp;

    TRACE( "%p %p %p\n", dst, a, b );

    if (!dst || !a || !b) return FALSE;
    if (IsRectEmpty( a ))
    {
        SetRectEmpty( dst );
        return FALSE;
    }
    *dst = *a;
    if (IntersectRect( &tmp, a, b ))
    {
        if (EqualRect( &tmp, dst ))
        {
            SetRectEmpty( dst );
            return FALSE;
        }
        if (tmp.top == dst->top && tmp.bottom == dst->bottom)
        {
            if (tmp.left == dst->left) dst->left = tmp.right;
            else if (tmp.right == dst->right) dst->right = tmp.left;
        }
        else if (tmp.left == dst->left && tmp.right == dst->right)
        {
            if (tmp.top == dst->top) dst->top = tmp.bottom;
            else if (tmp.bottom == dst->bottom) dst->bottom = tmp.top;
        }
    }
    return TRUE;
}
