package dev.cove.testkit;

/**
 * Lays out a number of accounts over a full tree of OUs: {@code fanOut} children per OU,
 * {@code depth} levels, contiguous near-equal blocks assigned depth-first.
 */
final class SpreadLayout {

    private final int depth;
    private final int fanOut;
    private final int perOu;
    private int remainder;

    SpreadLayout(int accounts, int depth, int fanOut) {
        this.depth = depth;
        this.fanOut = fanOut;
        long ous = 0;
        long level = 1;
        for (int d = 1; d <= depth; d++) {
            level *= fanOut;
            ous += level;
            if (ous > 10_000) {
                throw new IllegalArgumentException("depth " + depth + " with fanOut " + fanOut
                        + " makes more than 10000 OUs");
            }
        }
        this.perOu = (int) (accounts / ous);
        this.remainder = (int) (accounts % ous);
    }

    void addTo(OuBuilder root) {
        addChildren(root, "ou", 1);
    }

    private void addChildren(OuBuilder parent, String prefix, int level) {
        for (int i = 1; i <= fanOut; i++) {
            String name = level == 1 ? prefix + i : prefix + "-" + i;
            parent.ou(name, ou -> {
                ou.accounts(takeBlock());
                if (level < depth) {
                    addChildren(ou, name, level + 1);
                }
            });
        }
    }

    private int takeBlock() {
        if (remainder > 0) {
            remainder--;
            return perOu + 1;
        }
        return perOu;
    }
}
