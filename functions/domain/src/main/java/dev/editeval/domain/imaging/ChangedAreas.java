package dev.editeval.domain.imaging;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Connected areas of a change mask as bounding boxes: specks dropped, neighbouring boxes merged. */
final class ChangedAreas {

    /** At most this many regions are kept (largest first), so a task record stays small. */
    static final int MAX_REGIONS = 16;

    private ChangedAreas() {
    }

    /** A box in pixels, bounds inclusive. */
    record Box(int left, int top, int right, int bottom) {

        boolean near(Box other, int gap) {
            return left - gap <= other.right && other.left - gap <= right
                    && top - gap <= other.bottom && other.top - gap <= bottom;
        }

        Box union(Box other) {
            return new Box(Math.min(left, other.left), Math.min(top, other.top), Math.max(right, other.right),
                    Math.max(bottom, other.bottom));
        }

        long area() {
            return (long) (right - left + 1) * (bottom - top + 1);
        }
    }

    /**
     * Clears from {@code mask} every 8-connected area smaller than {@code minPixels}, and returns the boxes of the
     * rest, merged while any two are within {@code gap} pixels of each other, largest first.
     */
    static List<Box> find(boolean[] mask, int width, int height, int minPixels, int gap) {
        int[] label = new int[mask.length];
        int[] queue = new int[mask.length];
        List<Box> boxes = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < mask.length; start++) {
            if (!mask[start] || label[start] != 0) {
                continue;
            }
            next++;
            int head = 0;
            int tail = 0;
            queue[tail++] = start;
            label[start] = next;
            int left = width;
            int top = height;
            int right = -1;
            int bottom = -1;
            while (head < tail) {
                int at = queue[head++];
                int x = at % width;
                int y = at / width;
                left = Math.min(left, x);
                right = Math.max(right, x);
                top = Math.min(top, y);
                bottom = Math.max(bottom, y);
                for (int dy = -1; dy <= 1; dy++) {
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && nx < width && ny >= 0 && ny < height) {
                            int neighbour = ny * width + nx;
                            if (mask[neighbour] && label[neighbour] == 0) {
                                label[neighbour] = next;
                                queue[tail++] = neighbour;
                            }
                        }
                    }
                }
            }
            if (tail < minPixels) {
                for (int i = 0; i < tail; i++) {
                    mask[queue[i]] = false;
                }
            } else {
                boxes.add(new Box(left, top, right, bottom));
            }
        }
        return merge(boxes, gap);
    }

    private static List<Box> merge(List<Box> boxes, int gap) {
        List<Box> merged = new ArrayList<>(boxes);
        boolean changed = true;
        while (changed) {
            changed = false;
            outer:
            for (int i = 0; i < merged.size(); i++) {
                for (int j = i + 1; j < merged.size(); j++) {
                    if (merged.get(i).near(merged.get(j), gap)) {
                        merged.set(i, merged.get(i).union(merged.remove(j)));
                        changed = true;
                        break outer;
                    }
                }
            }
        }
        merged.sort(Comparator.comparingLong(Box::area).reversed());
        return merged.size() > MAX_REGIONS ? List.copyOf(merged.subList(0, MAX_REGIONS)) : List.copyOf(merged);
    }
}
